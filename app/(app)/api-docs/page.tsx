import type { Metadata } from "next";
import { OperationCard, type Operation } from "@/components/api-docs/operation-card";
import { Prose } from "@/components/api-docs/prose";
import { PropertyTable, rowsOf } from "@/components/api-docs/property-table";
import type { JsonSchema } from "@/components/api-docs/schema";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/server/api/openapi";
import { requireActor } from "@/lib/server/access/current-actor";
import { config } from "@/lib/server/kernel/config";

export const metadata: Metadata = { title: "API reference" };

const METHODS = ["get", "post", "patch", "delete"] as const;

function Example({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">{children}</pre>;
}

// The REST API reference, rendered from the same OpenAPI document that
// /api/v1/openapi.json serves.
export default async function ApiDocsPage() {
  await requireActor("project.read");
  const document = openApiDocument();
  const base = config().APP_URL;
  const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => (item as Record<string, unknown>)[method]).map((method) => ({ path, method, operation: (item as Record<string, Operation>)[method] })),
  );

  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Shipshape&apos;s REST API, version {document.info.version}. Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 hover:underline">
              OpenAPI 3.1 document
            </a>
            .
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Endpoints" className="hidden lg:block">
          <ul className="sticky top-20 space-y-1 text-sm">
            <li>
              <a href="#basics" className="text-slate-600 hover:text-slate-900">
                Basics
              </a>
            </li>
            {operations.map(({ operation }) => (
              <li key={operation.operationId}>
                <a href={`#${operation.operationId}`} className="text-slate-600 hover:text-slate-900">
                  {operation.summary}
                </a>
              </li>
            ))}
            <li>
              <a href="#schemas" className="text-slate-600 hover:text-slate-900">
                Schemas
              </a>
            </li>
          </ul>
        </nav>
        <div className="min-w-0 space-y-6">
          <Card title="Basics">
            <div id="basics" className="space-y-3 text-sm text-slate-700">
              <p>
                Create a token in <a href="/settings" className="font-medium text-indigo-700 hover:underline">team settings → API tokens</a> (admins) and send it as{" "}
                <code>Authorization: Bearer shp_…</code>. Read tokens read; write tokens can also create projects, update items and add or remove evidence. Changes
                go through the same rules as the app (evidence policy, N/A reasons, permissions) and appear in the activity log under the token&apos;s name.
              </p>
              <Example>{`curl -H "Authorization: Bearer $SHIPSHAPE_TOKEN" ${base}/api/v1/projects`}</Example>
              <p>
                Updates need the <code>version</code> you read (or <code>If-Match</code>) and only the fields you mean to change. If the item changed meanwhile, your
                change still lands unless a field you send was changed since; then the answer is 409 with the current state and who changed what, in words.
              </p>
              <Example>{`curl -X PATCH -H "Authorization: Bearer $SHIPSHAPE_TOKEN" -H "Content-Type: application/json" \\
  -d '{"status":"DONE","version":3}' \\
  ${base}/api/v1/projects/PROJECT_ID/items/testing.unit`}</Example>
              <p>
                Every error is <code>{`{ "error": { "code", "message", "fields"? } }`}</code>. Lists return <code>{`{ "data": [...], "nextCursor" }`}</code>; pass{" "}
                <code>cursor</code> (with the same filters) to get the next page. Projects come oldest first and items in key order, orders no edit changes, so a
                row that stays in the list while others edit it is returned exactly once. Each token and each client address has a per-minute allowance; beyond it the answer is 429 with{" "}
                <code>Retry-After</code>. From CI, the <code>shipshape evidence add</code> command does the calls for you.
              </p>
            </div>
          </Card>
          <h2 className="text-lg font-semibold text-slate-900">Endpoints</h2>
          {operations.map(({ path, method, operation }) => (
            <OperationCard key={operation.operationId} path={path} method={method} operation={operation} components={components} />
          ))}
          <h2 id="schemas" className="scroll-mt-20 text-lg font-semibold text-slate-900">
            Schemas
          </h2>
          {Object.entries(components).map(([name, schema]) => (
            <section key={name} id={`schema-${name}`} className="scroll-mt-20 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h3 className="font-mono text-sm font-semibold text-slate-900">{name}</h3>
              {schema.description && (
                <p className="mt-1 text-sm text-slate-600">
                  <Prose text={schema.description} />
                </p>
              )}
              <div className="mt-2">
                <PropertyTable rows={rowsOf(schema)} caption={`Fields of ${name}`} />
              </div>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
