import { describe, expect, it } from "vitest";
import { globalCommand, rowCommand } from "./keyboard";

const key = (k: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe("checklist keyboard map", () => {
  it("moves between rows with j/k and the arrows", () => {
    expect(rowCommand(key("j"), true)).toEqual({ kind: "move", to: "next" });
    expect(rowCommand(key("ArrowDown"), false)).toEqual({ kind: "move", to: "next" });
    expect(rowCommand(key("k"), true)).toEqual({ kind: "move", to: "previous" });
    expect(rowCommand(key("ArrowUp"), true)).toEqual({ kind: "move", to: "previous" });
    expect(rowCommand(key("End"), true)).toEqual({ kind: "move", to: "last" });
  });

  it("opens a field's editor by its letter and selects with x", () => {
    expect(rowCommand(key("s"), true)).toEqual({ kind: "edit", field: "status" });
    expect(rowCommand(key("p"), false)).toEqual({ kind: "edit", field: "priority" });
    expect(rowCommand(key("o"), true)).toEqual({ kind: "edit", field: "ownerId" });
    expect(rowCommand(key("d"), true)).toEqual({ kind: "edit", field: "dueDate" });
    expect(rowCommand(key("e"), true)).toEqual({ kind: "edit", field: "effortHours" });
    expect(rowCommand(key("x"), true)).toEqual({ kind: "select" });
  });

  it("opens the item on Enter only from the row itself", () => {
    expect(rowCommand(key("Enter"), true)).toEqual({ kind: "open" });
    expect(rowCommand(key("Enter"), false)).toBeNull();
  });

  it("leaves key presses with a modifier to the browser", () => {
    expect(rowCommand(key("s", { ctrlKey: true }), true)).toBeNull();
    expect(rowCommand(key("j", { metaKey: true }), true)).toBeNull();
    expect(rowCommand(key("x", { altKey: true }), true)).toBeNull();
    expect(rowCommand(key("S", { shiftKey: true }), true)).toBeNull();
    expect(globalCommand(key("/", { ctrlKey: true }))).toBeNull();
  });

  it("answers / and ? anywhere", () => {
    expect(globalCommand(key("/"))).toBe("search");
    expect(globalCommand(key("?", { shiftKey: true }))).toBe("help");
    expect(globalCommand(key("a"))).toBeNull();
  });
});
