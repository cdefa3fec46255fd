// Reads JSON Schemas out of the OpenAPI document for the reference page.
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};

export const refName = (ref: string) => ref.split("/").pop() ?? ref;

const DAY_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

// A short, readable type: `string (date)`, `"LOW" | "HIGH"`, `Evidence[]` …
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeLabel).join(" | ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "array") return `${typeLabel(schema.items)}[]`;
  if (schema.type === "object" && !schema.properties) return "object";
  if (schema.pattern === DAY_PATTERN) return "string (YYYY-MM-DD)";
  if (schema.format) return `${schema.type} (${schema.format})`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
}

export function limits(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.maxLength !== undefined) notes.push(`≤ ${schema.maxLength} characters`);
  if (schema.minimum !== undefined && schema.maximum !== undefined && schema.maximum < 1e9) notes.push(`${schema.minimum}–${schema.maximum}`);
  return notes;
}
