import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/server/kernel/errors";
import { compareSortKeys, creationKey, creationKeyOf, decodeCursor, encodeCursor, seekPage, type PagedList } from "@/lib/server/read-models/pagination";

const byName = (scope: PagedList<[string]>["scope"] = {}): PagedList<[string]> => ({ kind: "test.names", key: z.tuple([z.string().min(1)]), scope });
const nameKey = (row: string): [string] => [row];

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("keyset cursors", () => {
  it("orders keys by code unit, component by component, never by locale", () => {
    expect(compareSortKeys(["B"], ["a"])).toBeLessThan(0);
    expect(compareSortKeys(["a", "2"], ["a", "10"])).toBeGreaterThan(0);
    expect(compareSortKeys(["é"], ["z"])).toBeGreaterThan(0);
    expect(compareSortKeys(["x", "y"], ["x", "y"])).toBe(0);
  });

  it("pages in key order and resumes strictly after the cursor's key, even when that row is gone", () => {
    const list = byName();
    const first = seekPage(list, ["d", "b", "a", "c", "e"], nameKey, undefined, 2);
    expect(first.data).toEqual(["a", "b"]);
    const second = seekPage(list, ["e", "d", "c", "a"], nameKey, first.nextCursor ?? undefined, 2);
    expect(second.data).toEqual(["c", "d"]);
    const last = seekPage(list, ["e", "c"], nameKey, second.nextCursor ?? undefined, 2);
    expect(last).toEqual({ data: ["e"], nextCursor: null });
    expect(seekPage(list, ["a", "b"], nameKey, undefined, 2).nextCursor).toBeNull();
  });

  it("round-trips creation keys, normalising the time", () => {
    const list: PagedList<[string, string]> = { kind: "test.created", key: creationKey, scope: {} };
    const key = creationKeyOf({ createdAt: new Date("2026-03-01T10:00:00.123Z"), id: "cabc" });
    expect(decodeCursor(list, encodeCursor(list, key))).toEqual(["2026-03-01T10:00:00.123Z", "cabc"]);
    expect(decodeCursor(list, encodeCursor(list, ["2026-03-01T10:00:00Z", "cabc"]))).toEqual(["2026-03-01T10:00:00.000Z", "cabc"]);
    expect(refusal(() => decodeCursor(list, encodeCursor(list, ["yesterday", "cabc"]))).fields).toEqual({ cursor: ["That cursor is not valid."] });
  });

  it("refuses malformed cursors on the cursor field", () => {
    const list = byName();
    const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeCursor(list, "")).toBeUndefined();
    for (const cursor of ["not a cursor", raw({ after: "a" }), raw({ v: 2, l: "x", k: ["a"] }), raw(null), raw([])]) {
      const error = refusal(() => decodeCursor(list, cursor));
      expect(error.code).toBe("VALIDATION");
      expect(error.fields).toEqual({ cursor: ["That cursor is not valid."] });
    }
  });

  it("refuses a cursor of another kind or scope, but not one whose scope differs only in order or unset values", () => {
    const cursor = encodeCursor(byName({ team: "t1", status: "MISSING" }), ["a"]);
    expect(decodeCursor(byName({ status: "MISSING", team: "t1", owner: undefined }), cursor)).toEqual(["a"]);
    for (const other of [byName({ team: "t2", status: "MISSING" }), byName({ team: "t1" }), { ...byName({ team: "t1", status: "MISSING" }), kind: "test.other" }]) {
      expect(refusal(() => decodeCursor(other, cursor)).fields).toEqual({ cursor: ["That cursor belongs to another list."] });
    }
    // The scope's values are not readable from the cursor.
    expect(Buffer.from(cursor, "base64url").toString()).not.toMatch(/t1|MISSING/);
  });

  it("returns every row that stays in the list exactly once, whatever joins and leaves between pages", () => {
    const change = fc.record({ leave: fc.array(fc.nat(30)), join: fc.array(fc.nat(30)) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(30)), fc.integer({ min: 1, max: 5 }), fc.array(change, { maxLength: 12 }), (start, limit, changes) => {
        const names = (ns: number[]) => ns.map((n) => `row-${n}`);
        let rows = new Set(names(start));
        const throughout = new Set(rows);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; ; page += 1) {
          const result = seekPage(byName(), [...rows], nameKey, cursor, limit);
          expect(result.data.length).toBeLessThanOrEqual(limit);
          seen.push(...result.data);
          if (!result.nextCursor) break;
          cursor = result.nextCursor;
          const { leave, join } = changes[page % Math.max(changes.length, 1)] ?? { leave: [], join: [] };
          for (const name of names(leave)) {
            rows.delete(name);
            throughout.delete(name);
          }
          rows = new Set([...rows, ...names(join)]);
        }
        expect(new Set(seen).size).toBe(seen.length);
        for (const name of throughout) expect(seen).toContain(name);
      }),
    );
  });
});
