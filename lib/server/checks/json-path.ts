// Reads a value out of a JSON body by a path such as `checks.database.status`
// or `items[0].name` (the syntax lib/schemas/check-settings.ts accepts).

export type JsonPathResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Splits a path into property names and array indexes: "a.b[0]" → ["a", "b", 0]. */
export function parseJsonPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const part of path.replace(/^\$\.?/, "").replace(/^\./, "").split(".")) {
    const name = /^[^[]+/.exec(part)?.[0];
    if (name) segments.push(name);
    for (const index of part.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The value at the path in a JSON text, or why there is none. */
export function readJsonPath(text: string, path: string): JsonPathResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "body is not JSON" };
  }
  for (const segment of parseJsonPath(path)) {
    if (typeof segment === "number" ? !Array.isArray(value) || segment >= value.length : value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) {
      return { ok: false, problem: `${path} is missing from the JSON body` };
    }
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { ok: true, value };
}
