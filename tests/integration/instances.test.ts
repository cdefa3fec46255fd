// Server instances on one database compare the settings they must share.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { announceInstance, secretCheck } from "@/lib/server/jobs/instances";

const MINUTE = 60_000;
// Ids of their own, and settings no other test's instances have.
const instance = () => randomUUID();
const url = `https://shipshape-${randomUUID().slice(0, 8)}.example.com`;
const same = { secretCheck: secretCheck("the shared secret, at least thirty-two characters"), appUrl: url };

describe("server instances", () => {
  it("agree when they share AUTH_SECRET and APP_URL", async () => {
    const now = new Date("2031-03-01T10:00:00Z");
    expect(await announceInstance(instance(), same, now)).toEqual([]);
    expect(await announceInstance(instance(), same, now)).toEqual([]);
  });

  it("name the setting on which a running instance differs, until it stops", async () => {
    const now = new Date("2031-04-01T10:00:00Z");
    const first = instance();
    expect(await announceInstance(first, same, now)).toEqual([]);
    const other = { secretCheck: secretCheck("another secret, also at least thirty-two characters"), appUrl: `${url}:8443` };
    const problems = await announceInstance(instance(), other, now);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/different AUTH_SECRET/);
    expect(problems[1]).toContain(`has APP_URL ${url} (this one: ${url}:8443)`);
    // The first hears of it on its next heartbeat.
    expect(await announceInstance(first, same, new Date(now.getTime() + MINUTE))).toHaveLength(2);
    // Once the other has not been seen for three minutes, it has stopped.
    expect(await announceInstance(first, same, new Date(now.getTime() + 5 * MINUTE))).toEqual([]);
  });

  it("store a check of the secret, not the secret, and forget instances gone for a day", async () => {
    const secret = "a secret that must never reach the database table";
    const id = instance();
    const now = new Date("2031-05-01T10:00:00Z");
    await announceInstance(id, { secretCheck: secretCheck(secret), appUrl: url }, now);
    const [row] = await db.$queryRaw<{ secretCheck: string }[]>`SELECT "secretCheck" FROM server_instance WHERE id = ${id}`;
    expect(row.secretCheck).toMatch(/^[0-9a-f]{16}$/);
    await announceInstance(instance(), same, new Date(now.getTime() + 25 * 60 * MINUTE));
    expect(await db.$queryRaw`SELECT id FROM server_instance WHERE id = ${id}`).toEqual([]);
  });

  // Each instance's own clock used to stamp and judge "seen lately": one whose
  // clock ran three minutes or more behind was never seen by the others.
  it("see each other whatever their clocks say: the database's clock decides", async () => {
    const behind = { ...same, appUrl: `${url}/clock-behind` };
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() - 10 * MINUTE);
      await announceInstance(instance(), behind);
    } finally {
      vi.useRealTimers();
    }
    const problems = await announceInstance(instance(), same);
    expect(problems.join("\n")).toContain(`has APP_URL ${behind.appUrl}`);
  });
});
