import { describe, expect, it } from "vitest";
import { isTimeZone, normaliseTimeZone, offsetLabel, timeZoneOptions } from "./time-zone";

describe("time zone names", () => {
  it("accepts IANA Area/Location names and UTC", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Etc/GMT+5", "US/Eastern", "america/new_york"]) expect(isTimeZone(zone), zone).toBe(true);
  });

  it("refuses offsets, abbreviations and made-up names", () => {
    for (const zone of ["", "+05:30", "GMT+2", "EST", "PST", "CEST", "Mars/Olympus_Mons", "Europe/Berlin/", "../etc/passwd", "x".repeat(80)]) expect(isTimeZone(zone), zone).toBe(false);
  });

  it("spells names the usual way", () => {
    expect(normaliseTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(normaliseTimeZone("utc")).toBe("UTC");
    // A name the engine accepts but does not list stays as chosen.
    expect(normaliseTimeZone("US/Eastern")).toBe("US/Eastern");
  });

  it("labels offsets, with half hours and daylight saving", () => {
    expect(offsetLabel("Asia/Kolkata", new Date("2026-11-29T12:00:00Z"))).toBe("UTC+05:30");
    expect(offsetLabel("America/New_York", new Date("2026-11-29T12:00:00Z"))).toBe("UTC−05:00");
    expect(offsetLabel("America/New_York", new Date("2026-07-01T12:00:00Z"))).toBe("UTC−04:00");
    expect(offsetLabel("UTC", new Date())).toBe("UTC+00:00");
  });

  it("offers every listed zone once, UTC and the current one included", () => {
    const options = timeZoneOptions(new Date("2026-11-29T12:00:00Z"), "US/Eastern");
    const values = options.map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    expect(values).toEqual(expect.arrayContaining(["UTC", "Europe/Berlin", "US/Eastern"]));
    expect(options.find((o) => o.value === "Europe/Berlin")?.label).toBe("UTC+01:00");
  });
});
