// The one rule for text, numbers and dates (ADR 0023), over the shared field
// builders: any string is either accepted as valid Unicode without control
// characters or refused with a field error — never thrown, never stored as is.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDay, hours, id, longText, optionalHours, plainString, requiredText, text, version } from "./fields";
import { updateItemInput } from "./item";
import { apiItemPatchBody } from "./api";

const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;

// Strings rich in what the rule is about: controls, lone surrogates, astral characters.
const hostile = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("a", " ", "\u0000", "\n", "\r", "\t", "\u007f", "\u0085", "\ud800", "\udfff", "😀", "é") }),
);

describe("single-line text", () => {
  const schemas = { plain: plainString(), id, title: requiredText("a title", 200), text: text(1000) };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: accepts only well-formed text without controls, else a field error`, () => {
      fc.assert(
        fc.property(hostile, (value) => {
          const result = schema.safeParse(value);
          if (result.success) {
            expect(result.data.isWellFormed()).toBe(true);
            expect(CONTROL.test(result.data)).toBe(false);
          } else {
            expect(result.error.issues.length).toBeGreaterThan(0);
          }
        }),
      );
    });
  }

  it("names NUL and unpaired surrogates", () => {
    expect(text(100).safeParse("a\u0000b").error?.issues[0].message).toMatch(/control character/);
    expect(text(100).safeParse("a\ud800b").error?.issues[0].message).toMatch(/unpaired surrogate/);
    expect(text(100).safeParse("line\nbreak").success).toBe(false);
    expect(text(100).safeParse("Zürich 😀").data).toBe("Zürich 😀");
  });
});

describe("multi-line text", () => {
  it("keeps newlines and tabs, turns CR LF into LF, refuses other controls", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const result = longText(100_000).safeParse(value);
        if (result.success) {
          expect(result.data.isWellFormed()).toBe(true);
          expect(CONTROL_BUT_LINES.test(result.data)).toBe(false);
        } else {
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
    );
    expect(longText(100).parse("a\r\nb\tc\rd")).toBe("a\nb\tc\nd");
    expect(longText(100).safeParse("a\u0000").success).toBe(false);
  });
});

describe("numbers and dates stay in their stated ranges", () => {
  it("effort: quarter hours from 0 to 10 000 only", () => {
    for (const bad of [5e-324, 0.1, -0.25, 10_000.25, Number.NaN, Number.POSITIVE_INFINITY, 1e308]) expect(hours.safeParse(bad).success, String(bad)).toBe(false);
    for (const good of [0, 0.25, 7.5, 10_000]) expect(hours.safeParse(good).success).toBe(true);
    expect(optionalHours.safeParse("5e-324").success).toBe(false);
    fc.assert(
      fc.property(fc.double(), (value) => {
        const result = hours.safeParse(value);
        if (result.success) expect(Number.isInteger(value * 4) && value >= 0 && value <= 10_000).toBe(true);
      }),
    );
  });

  it("days: 1900-01-01 to 9999-12-31, real days only", () => {
    for (const bad of ["0000-01-01", "1899-12-31", "2026-02-30", "+10000-01-01", "2026-1-1", "2026-01-01\u0000"]) expect(calendarDay.safeParse(bad).success, bad).toBe(false);
    for (const good of ["1900-01-01", "2026-12-31", "9999-12-31"]) expect(calendarDay.safeParse(good).success).toBe(true);
    expect(calendarDay.safeParse("0000-01-01").error?.issues[0].message).toMatch(/1900-01-01/);
  });

  it("versions: positive 32-bit integers", () => {
    expect(version.safeParse(2 ** 31).success).toBe(false);
    expect(apiItemPatchBody.safeParse({ version: 1e300 }).success).toBe(false);
    expect(updateItemInput.safeParse({ itemId: "i", version: "1e300", changes: { notes: "x" } }).success).toBe(false);
    expect(updateItemInput.safeParse({ itemId: "i", version: "3", changes: { notes: "x" } }).success).toBe(true);
  });
});

// Every string field of lib/schemas comes from the shared builders, so the
// rule above holds for each of them; a bare z.string() would slip past it.
it("no schema builds a string without the shared builders", () => {
  const dir = import.meta.dirname;
  const offenders = readdirSync(dir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    // fields.ts defines the builders; errors and api-responses describe answers, not input.
    .filter((file) => !["fields.ts", "errors.ts", "api-responses.ts"].includes(file))
    .filter((file) => /z\s*\.\s*string\b/.test(readFileSync(path.join(dir, file), "utf8")));
  expect(offenders).toEqual([]);
});
