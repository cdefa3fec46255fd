import { Prose } from "./prose";
import { limits, typeLabel, type JsonSchema } from "./schema";

export type PropertyRow = { name: string; schema: JsonSchema; required: boolean; where?: string };

export function rowsOf(schema: JsonSchema): PropertyRow[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, schema: property, required: schema.required?.includes(name) ?? false }));
}

function TypeCell({ schema }: { schema: JsonSchema }) {
  const label = typeLabel(schema);
  const link = schema.$ref ?? (schema.type === "array" ? schema.items?.$ref : undefined);
  return (
    <code className="break-words text-xs text-slate-700">
      {link ? <a href={`#schema-${label.replace(/\[\]$/, "")}`} className="text-indigo-700 hover:underline">{label}</a> : label}
    </code>
  );
}

export function PropertyTable({ rows, caption }: { rows: PropertyRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Name</th>
            <th className="py-1.5 pr-3 font-medium">Type</th>
            <th className="py-1.5 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={`${row.where ?? ""}${row.name}`}>
              <td className="py-1.5 pr-3">
                <code className="text-xs font-semibold text-slate-900">{row.name}</code>
                {row.where && <span className="ml-1 text-xs text-slate-500">({row.where})</span>}
                {row.required && <span className="ml-1 text-xs text-red-700">required</span>}
              </td>
              <td className="py-1.5 pr-3">
                <TypeCell schema={row.schema} />
              </td>
              <td className="py-1.5 text-slate-600">
                <Prose text={row.schema.description} />
                {!row.schema.description && <span className="text-xs text-slate-500">{limits(row.schema).join(", ")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
