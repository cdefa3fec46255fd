// The add-check form's fields as addCheckInput takes them. A form sends flat
// text fields named by the input's paths ("settings.url",
// "settings.files.0.path", "intervalMinutes"), so a field error the schema
// reports for `settings.url` lands on the field of that name. What each path
// holds — a number, a list, an optional value — is read from the kind's own
// settings schema, so a new kind needs no change here: only its sub-form.
import type { z } from "zod";
import { checkSettings } from "./check-settings";

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

// The zod internals read here (zod 4): each schema's definition and its type.
type Definition = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
};
const definitionOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** A schema without its optional, default and transform wrappers, and whether a blank may be left out. */
function unwrap(schema: z.ZodType): { base: Definition; optional: boolean } {
  let optional = false;
  let current = schema;
  for (;;) {
    const def = definitionOf(current);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") && def.innerType) {
      optional ||= def.type !== "nullable";
      current = def.innerType;
    } else if (def.type === "pipe" && def.in && def.out) {
      // A preprocess or transform: the value typed is the one going in, unless that is the preprocess itself.
      current = definitionOf(def.in).type === "transform" ? def.out : def.in;
    } else return { base: def, optional };
  }
}

/** The schema at `path` below `schema` (object fields and array indexes), or null when there is none. */
function schemaAt(schema: z.ZodType, path: string[]): z.ZodType | null {
  let current: z.ZodType = schema;
  for (const segment of path) {
    const { base } = unwrap(current);
    if (base.type === "object" && base.shape && Object.hasOwn(base.shape, segment)) current = base.shape[segment];
    else if (base.type === "array" && base.element && /^\d+$/.test(segment)) current = base.element;
    else return null;
  }
  return current;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

// Not a number: NaN, which the schema refuses with the field's own message.
const numberFrom = (text: string): number | undefined => (text.trim() === "" ? undefined : NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The value a typed text stands for at a schema: a number, a boolean, a list, or the text. Undefined: leave it out. */
function valueFor(schema: z.ZodType | null, text: string): Json {
  const trimmed = text.trim();
  if (!schema) return text;
  const { base, optional } = unwrap(schema);
  if (trimmed === "") return optional || base.type === "number" || base.type === "boolean" ? undefined : "";
  switch (base.type) {
    case "number":
      return numberFrom(trimmed);
    case "boolean":
      return trimmed === "on" || trimmed === "true";
    case "array":
      // A list typed in one field: one entry a line (or separated by commas).
      return trimmed.split(/[\n,]/).map((entry) => entry.trim()).filter(Boolean);
    case "union": {
      // Such as an expected JSON value: a number, true, false or null when it reads as one.
      const accepts = (type: string) => base.options?.some((option) => unwrap(option).base.type === type);
      if (accepts("number") && NUMBER.test(trimmed)) return Number(trimmed);
      if (accepts("boolean") && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
      if (accepts("null") && trimmed === "null") return null;
      return text;
    }
    default:
      return text;
  }
}

// Lists come from numbered fields; an empty row in between is dropped.
function compact(node: Json): Json {
  if (Array.isArray(node)) return node.filter((entry) => entry !== undefined).map(compact);
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compact(value)]));
  return node;
}

function place(root: Record<string, Json>, path: string[], value: Json, create: boolean): void {
  // Arrays are indexed by their numbered fields' digits, as objects by names.
  let node = root;
  for (const [index, segment] of path.slice(0, -1).entries()) {
    const next = node[segment];
    if (next === undefined || next === null || typeof next !== "object") {
      if (!create) return;
      node[segment] = /^\d+$/.test(path[index + 1]) ? [] : {};
    }
    node = node[segment] as Record<string, Json>;
  }
  node[path[path.length - 1]] = value;
}

const TOP_LEVEL_NUMBERS = new Set(["intervalMinutes", "failuresBeforeFailing"]);

// A path a form may name: field names, and list indexes of at most three
// digits (no schema takes a thousand entries). A crafted name such as
// settings.__proto__.x or settings.files.99999999.path is ignored, never
// followed into the object's prototype or a giant sparse list.
const SAFE_SEGMENT = /^(?:[A-Za-z_$][\w$]*|\d{1,3})$/;
const UNSAFE_NAMES = new Set(["__proto__", "prototype", "constructor"]);
const safePath = (path: string[]) => path.length > 0 && path.every((segment) => SAFE_SEGMENT.test(segment) && !UNSAFE_NAMES.has(segment));

/**
 * The add-check form's fields (`fields`, as FormData gives them) as the input
 * of addCheck: `settings.*` nested by their paths, numbers as numbers, lists
 * from one field a line, blank optional fields left out so their defaults
 * apply. A blank field inside an optional group (an expected JSON value, a
 * file row) leaves the whole group out unless another field of it is filled.
 * Nothing is validated here: the schema does that and names the fields.
 */
export function checkInputFromForm(fields: Record<string, string>): Record<string, unknown> {
  const kind = fields.kind ?? "";
  const settingsSchema = (checkSettings.options as z.ZodType[]).find((option) => {
    const kindField = unwrap(option).base.shape?.kind;
    return kindField && (definitionOf(kindField) as { values?: unknown[] }).values?.includes(kind);
  });
  const input: Record<string, Json> = {};
  const settings: Record<string, Json> = {};
  for (const [name, text] of Object.entries(fields)) {
    if (name.startsWith("settings.") || name.startsWith("$")) continue;
    if (TOP_LEVEL_NUMBERS.has(name)) input[name] = numberFrom(text);
    else if (text.trim() !== "" || name === "kind") input[name] = text;
  }
  // Filled fields first, so that a blank one is kept only where a filled one opened its group.
  const entries = Object.entries(fields)
    .filter(([name]) => name.startsWith("settings.") && safePath(name.split(".").slice(1)))
    .map(([name, text]) => ({ path: name.split(".").slice(1), text, value: valueFor(settingsSchema ? schemaAt(settingsSchema, name.split(".").slice(1)) : null, text) }));
  for (const entry of entries.filter((e) => e.text.trim() !== "")) place(settings, entry.path, entry.value, true);
  for (const entry of entries.filter((e) => e.text.trim() === "" && e.value !== undefined)) place(settings, entry.path, entry.value, false);
  input.settings = compact(settings);
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

