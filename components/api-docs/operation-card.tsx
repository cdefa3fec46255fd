import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Prose } from "./prose";
import { PropertyTable, rowsOf, type PropertyRow } from "./property-table";
import { refName, type JsonSchema } from "./schema";

type Parameter = { in: string; name: string; required?: boolean; description?: string; schema: JsonSchema };
export type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const METHOD_TONE: Record<string, BadgeTone> = { get: "sky", post: "emerald", patch: "amber", delete: "red" };

export function OperationCard({ method, path, operation, components }: { method: string; path: string; operation: Operation; components: Record<string, JsonSchema> }) {
  const parameters: PropertyRow[] = (operation.parameters ?? []).map((p) => ({ name: p.name, where: p.in, required: Boolean(p.required), schema: { ...p.schema, description: p.description ?? p.schema.description } }));
  const body = operation.requestBody?.content["application/json"]?.schema;
  const bodySchema = body?.$ref ? components[refName(body.$ref)] : body;
  return (
    <section id={operation.operationId} className="scroll-mt-20 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h3 className="flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONE[method] ?? "slate"}>{method.toUpperCase()}</Badge>
        <code className="break-all text-sm font-semibold text-slate-900">{path}</code>
      </h3>
      {operation.summary && <p className="mt-2 font-medium text-slate-800">{operation.summary}</p>}
      {operation.description && (
        <p className="mt-1 text-sm text-slate-600">
          <Prose text={operation.description} />
        </p>
      )}
      {parameters.length > 0 && (
        <div className="mt-4">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
          <PropertyTable rows={parameters} caption={`Parameters of ${operation.operationId}`} />
        </div>
      )}
      {bodySchema && (
        <div className="mt-4">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">JSON body{body?.$ref ? ` (${refName(body.$ref)})` : ""}</h4>
          <PropertyTable rows={rowsOf(bodySchema)} caption={`Body of ${operation.operationId}`} />
        </div>
      )}
      <div className="mt-4">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h4>
        <dl className="mt-1 space-y-1 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => {
            const schema = response.content?.["application/json"]?.schema;
            return (
              <div key={status} className="flex gap-3">
                <dt className={`w-10 shrink-0 font-mono text-xs font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-slate-500"}`}>{status}</dt>
                <dd className="text-slate-600">
                  <Prose text={response.description} />
                  {schema?.$ref && status.startsWith("2") && (
                    <>
                      {" "}
                      <a href={`#schema-${refName(schema.$ref)}`} className="font-mono text-xs text-indigo-700 hover:underline">
                        {refName(schema.$ref)}
                      </a>
                    </>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
    </section>
  );
}
