// The checklist's keyboard map, kept apart from the components so that the
// rules (which key does what, and when a key is someone's typing) are tested
// on their own and listed in the shortcuts dialog from the same table.

export type EditableField = "status" | "priority" | "ownerId" | "dueDate" | "effortHours";

export type RowCommand =
  | { kind: "move"; to: "next" | "previous" | "first" | "last" }
  | { kind: "edit"; field: EditableField }
  | { kind: "select" }
  | { kind: "open" };

export type GlobalCommand = "search" | "help";

type KeyLike = { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

const EDIT_KEYS: Record<string, EditableField> = { s: "status", p: "priority", o: "ownerId", d: "dueDate", e: "effortHours" };
const MOVE_KEYS: Record<string, "next" | "previous" | "first" | "last"> = { j: "next", ArrowDown: "next", k: "previous", ArrowUp: "previous", Home: "first", End: "last" };

/** The shortcuts as the dialog lists them, in the order it lists them. */
export const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ["j", "↓"], does: "Next item" },
  { keys: ["k", "↑"], does: "Previous item" },
  { keys: ["Home", "End"], does: "First or last item" },
  { keys: ["Tab", "Shift Tab"], does: "Next or previous field of the item" },
  { keys: ["s"], does: "Change status" },
  { keys: ["p"], does: "Change priority" },
  { keys: ["o"], does: "Change owner" },
  { keys: ["d"], does: "Change due date" },
  { keys: ["e"], does: "Change effort" },
  { keys: ["x"], does: "Select or unselect the item" },
  { keys: ["Enter"], does: "Open the item (on a field: edit it)" },
  { keys: ["Esc"], does: "Cancel the edit" },
  { keys: ["/"], does: "Search" },
  { keys: ["?"], does: "Show these shortcuts" },
];

const withModifier = (event: KeyLike) => event.altKey || event.ctrlKey || event.metaKey;

/** Whether the key press is someone typing (in a field or a select), which no shortcut may take. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const element = target as HTMLElement;
  // A checkbox or a button takes no text: its row's shortcuts still apply (x on a row's checkbox).
  const field = element.closest("input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, [contenteditable='true']");
  return element.isContentEditable === true || field !== null;
}

/**
 * What a key press on an item row (or one of its fields) asks for, or null.
 * `onRow`: the row itself has focus, not one of its fields (Enter on a field
 * edits it, as a click would). Never a shortcut with Alt, Ctrl or Meta.
 */
export function rowCommand(event: KeyLike, onRow: boolean): RowCommand | null {
  if (withModifier(event)) return null;
  if (event.key in MOVE_KEYS && !event.shiftKey) return { kind: "move", to: MOVE_KEYS[event.key] };
  if (event.shiftKey) return null;
  if (event.key in EDIT_KEYS) return { kind: "edit", field: EDIT_KEYS[event.key] };
  if (event.key === "x") return { kind: "select" };
  if (event.key === "Enter" && onRow) return { kind: "open" };
  return null;
}

/** A key press anywhere on the page that the checklist answers: `/` searches, `?` lists the shortcuts. */
export function globalCommand(event: KeyLike): GlobalCommand | null {
  if (withModifier(event)) return null;
  if (event.key === "/") return "search";
  if (event.key === "?") return "help";
  return null;
}
