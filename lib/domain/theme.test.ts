import { describe, expect, it } from "vitest";
import { parseTheme } from "./theme";

describe("the theme cookie", () => {
  it("names light, dark or system, and anything else is system", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
    expect(parseTheme("dark; path=/")).toBe("system");
  });
});
