// Shipshape says which Node.js versions it runs on (package.json `engines`,
// README "Run it"). This holds that promise against every package in the
// lock file: the oldest version of each supported line must satisfy every
// dependency's own `engines.node`, so `npm install` never warns and nothing
// needs a newer Node than we claim.
import { readdirSync, readFileSync } from "node:fs";
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

// Installed but never loaded, so no Node version of ours ever runs them.
// `cookie` 2 comes with fastify's request injector; fastify is the HTTP
// Observatory library's own API server, and Shipshape imports only that
// library's analyzer and grader (lib/server/checks/observatory); the last
// test below holds that.
const NEVER_LOADED = new Set(["cookie"]);

describe("supported Node.js versions", () => {
  it("are the 20 and 22+ lines, from their oldest release we claim", () => {
    expect(oldestOfEachLine).toEqual(["20.19.0", "22.13.0"]);
  });

  it.each(oldestOfEachLine)("satisfy every locked dependency's engines.node on %s", (version) => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name && entry.engines?.node && installedOnOurPlatforms(entry))
      .filter(([name]) => !NEVER_LOADED.has(name.replace(/^.*node_modules\//, "")))
      .filter(([, entry]) => !semver.satisfies(version, entry.engines!.node!))
      .map(([name, entry]) => `${name.replace(/^.*node_modules\//, "")} wants ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it("include the one this test runs on", () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});

// What Shipshape imports of the HTTP Observatory library, and everything those
// modules import in turn, never reaches fastify (and so never `cookie` 2).
describe("the HTTP Observatory library as we load it", () => {
  const library = path.join(root, "node_modules/@mdn/mdn-http-observatory");
  const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
  const ourEntries = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return ourEntries(full);
      return /\.tsx?$/.test(entry.name) ? importsOf(full).filter((spec) => spec.startsWith("@mdn/mdn-http-observatory")) : [];
    });

  it("never loads fastify", () => {
    const entries = ourEntries(path.join(root, "lib")).map((spec) => path.join(library, spec.replace("@mdn/mdn-http-observatory/", "")));
    expect(entries.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec));
        else packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
      }
    };
    entries.forEach(visit);
    expect([...packages].filter((name) => name.includes("fastify") || name === "light-my-request")).toEqual([]);
  });
});
