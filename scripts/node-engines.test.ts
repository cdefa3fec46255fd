// Shipshape says which Node.js versions it runs on (package.json `engines`,
// README "Run it"). This holds that promise against every package in the
// lock file: the oldest version of each supported line must satisfy every
// dependency's own `engines.node`, so `npm install` never warns and nothing
// needs a newer Node than we claim.
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

type Locked = { engines?: { node?: string }; os?: string[] };
const root = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, Locked> };

// The oldest release of each line the range allows: "^20.19.0 || >=22.13.0" → 20.19.0, 22.13.0.
const oldestOfEachLine = new semver.Range(pkg.engines.node).set.map((comparators) => semver.minVersion(new semver.Range(comparators.map(String).join(" ")))!.version);

// Binaries for one operating system are only installed there; Shipshape runs
// on Linux (the Docker image, CI) and on developers' Linux and macOS machines.
const installedOnOurPlatforms = (entry: Locked) => !entry.os || entry.os.some((os) => os === "linux" || os === "darwin");

describe("supported Node.js versions", () => {
  it("are the 20 and 22+ lines, from their oldest release we claim", () => {
    expect(oldestOfEachLine).toEqual(["20.19.0", "22.13.0"]);
  });

  it.each(oldestOfEachLine)("satisfy every locked dependency's engines.node on %s", (version) => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name && entry.engines?.node && installedOnOurPlatforms(entry))
      .filter(([, entry]) => !semver.satisfies(version, entry.engines!.node!))
      .map(([name, entry]) => `${name.replace(/^.*node_modules\//, "")} wants ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it("include the one this test runs on", () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
