import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { priorityLabel, STATUS_GLYPH, STATUS_LABEL, type ItemStatus } from "@/lib/domain/readiness/vocabulary";
import type { ImportPreview } from "@/lib/server/services/import";

const status = (s: ItemStatus) => `${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}`;
const lineLink = (line: number) => (
  <a href={`#source-L${line}`} className="text-indigo-700 hover:underline">
    line {line}
  </a>
);
const ACTION = { create: { label: "New", tone: "emerald" }, update: { label: "Update", tone: "amber" }, unchanged: { label: "Unchanged", tone: "slate" } } as const;

// What the import will do, category by category, with the warnings.
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { plan } = preview;
  const categories = [...new Set(plan.items.map((i) => i.category))];
  return (
    <div className="space-y-6" data-testid="import-preview">
      <Card title="3. Preview" description={`${plan.counts.create} new items, ${plan.counts.update} updated, ${plan.counts.unchanged} unchanged, ${plan.counts.evidence} pieces of evidence${plan.categoriesToCreate.length ? `; new categories: ${plan.categoriesToCreate.join(", ")}` : ""}.`}>
        {plan.warnings.length > 0 && (
          <div className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" role="status" aria-label="Warnings">
            <p className="font-medium">{plan.warnings.length} warning{plan.warnings.length === 1 ? "" : "s"}</p>
            <ul className="mt-1 space-y-0.5">
              {plan.warnings.map((w, index) => (
                <li key={index}>
                  {lineLink(w.line)}: {w.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="space-y-5">
          {categories.map((category) => (
            <section key={category}>
              <h3 className="text-sm font-semibold text-slate-900">
                {category} {plan.categoriesToCreate.includes(category) && <Badge tone="emerald">new category</Badge>}
              </h3>
              <table className="mt-1 w-full text-sm">
                <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="py-1 pr-3">Item</th>
                    <th className="py-1 pr-3">Change</th>
                    <th className="py-1 pr-3">Status</th>
                    <th className="py-1 pr-3">Priority</th>
                    <th className="py-1 pr-3">Evidence</th>
                    <th className="py-1">Source</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {plan.items
                    .filter((i) => i.category === category)
                    .map((item) => (
                      <tr key={`${item.key}-${item.line}`} data-testid="import-item" data-action={item.action}>
                        <td className="py-1.5 pr-3">
                          {item.title} <code className="text-xs text-slate-500">{item.key}</code>
                        </td>
                        <td className="py-1.5 pr-3">
                          <Badge tone={ACTION[item.action].tone}>{ACTION[item.action].label}</Badge>
                        </td>
                        <td className="py-1.5 pr-3">{item.statusBefore && item.statusBefore !== item.status ? `${status(item.statusBefore)} → ${status(item.status)}` : status(item.status)}</td>
                        <td className="py-1.5 pr-3">{priorityLabel(item.priority)}</td>
                        <td className="py-1.5 pr-3 text-xs">{item.evidenceToAdd.length ? item.evidenceToAdd.map((e) => <div key={e}>{e}</div>) : <span className="text-slate-400">—</span>}</td>
                        <td className="py-1.5 text-xs">{lineLink(item.line)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}
