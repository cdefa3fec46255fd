import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { NEEDS_TRIAGE_LABEL, priorityLabel, STATUS_GLYPH, STATUS_LABEL, type ItemPriority, type ItemStatus } from "@/lib/domain/readiness/vocabulary";
import type { ImportPreview } from "@/lib/server/services/import";
import { MatchPicker, NEW_ITEM } from "./match-picker";

const status = (s: ItemStatus) => `${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}`;
const lineLink = (line: number) => (
  <a href={`#source-L${line}`} className="text-indigo-700 hover:underline">
    line {line}
  </a>
);
const ACTION = { create: { label: "New", tone: "emerald" }, update: { label: "Update", tone: "amber" }, unchanged: { label: "Unchanged", tone: "slate" } } as const;

type Planned = ImportPreview["plan"]["items"][number];
type Action = Planned["action"];

/** Each row's match as first proposed: an item's id, or NEW_ITEM. */
export const proposedMatches = (preview: ImportPreview): Record<number, string> => Object.fromEntries(preview.plan.items.map((i) => [i.row, i.existingId ?? NEW_ITEM]));

/** What a row will do with the person's current choice of match (the plan's own when unchanged): the action, the status it replaces, the priority the item will have. */
export function actionFor(planned: Planned, choice: string, preview: ImportPreview): { action: Action; before: ItemStatus | null; priority: ItemPriority } {
  if (choice === (planned.existingId ?? NEW_ITEM)) return { action: planned.action, before: planned.statusBefore, priority: planned.priority };
  const item = preview.items.find((i) => i.id === choice);
  if (!item) return { action: "create", before: null, priority: planned.source.priority };
  return { action: item.status !== planned.status || planned.evidenceToAdd.length > 0 ? "update" : "unchanged", before: item.status, priority: item.priority };
}

/** Rows whose chosen item another row has chosen too: row → the other row. */
export function doubleChoices(rows: Record<number, string>): Map<number, number> {
  const firstRow = new Map<string, number>();
  const clashes = new Map<number, number>();
  for (const [row, choice] of Object.entries(rows).map(([row, choice]) => [Number(row), choice] as const)) {
    if (choice === NEW_ITEM) continue;
    const other = firstRow.get(choice);
    if (other === undefined) firstRow.set(choice, row);
    else {
      clashes.set(row, other);
      clashes.set(other, row);
    }
  }
  return clashes;
}

// What the import will do, category by category, with the warnings. When it
// merges into a project, each row shows the item it matched and how, which
// the person can accept, change or refuse (`choices`, by row).
export function ImportPreviewView({
  preview,
  choices,
  clashes = new Map(),
  onChoose,
}: {
  preview: ImportPreview;
  choices: Record<number, string>;
  clashes?: Map<number, number>;
  onChoose: (row: number, value: string) => void;
}) {
  const { plan } = preview;
  const merging = preview.items.length > 0;
  // In the document's order and sections: a row matched into another category says so in its picker.
  const categories = [...new Set(plan.items.map((i) => i.documentCategory))];
  const byMeaning = plan.items.filter((i) => i.match?.how === "meaning").length;
  const triage = plan.items.filter((i) => i.action === "create" && i.priority === null).length;
  return (
    <div className="space-y-6" data-testid="import-preview">
      <Card
        title="3. Preview"
        description={`${plan.counts.create} new items, ${plan.counts.update} updated, ${plan.counts.unchanged} unchanged, ${plan.counts.evidence} pieces of evidence${plan.categoriesToCreate.length ? `; new categories: ${plan.categoriesToCreate.join(", ")}` : ""}.`}
      >
        {merging && byMeaning > 0 && (
          <p className="mb-3 text-sm text-slate-700" data-testid="meaning-summary">
            {byMeaning} row{byMeaning === 1 ? "" : "s"} matched by meaning, not by title: check each proposed item, and change or refuse a match (New item) before importing.
          </p>
        )}
        {triage > 0 && (
          <p className="mb-3 text-sm text-slate-700">
            {triage} new item{triage === 1 ? "" : "s"} without a priority in the document will need triage.
          </p>
        )}
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
                    <th className="py-1 pr-3">Row</th>
                    {merging && <th className="py-1 pr-3">Matches</th>}
                    <th className="py-1 pr-3">Change</th>
                    <th className="py-1 pr-3">Status</th>
                    <th className="py-1 pr-3">Priority</th>
                    <th className="py-1 pr-3">Evidence</th>
                    <th className="py-1">Source</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {plan.items
                    .filter((i) => i.documentCategory === category)
                    .map((item) => {
                      const choice = choices[item.row] ?? item.existingId ?? NEW_ITEM;
                      const { action, before, priority } = actionFor(item, choice, preview);
                      return (
                        <tr key={item.row} data-testid="import-item" data-action={action} data-row={item.row}>
                          <td className="py-1.5 pr-3 align-top">
                            {item.source.title}
                            {action === "create" && item.action === "create" && <code className="ml-1 text-xs text-slate-500">{item.key}</code>}
                          </td>
                          {merging && (
                            <td className="py-1.5 pr-3 align-top">
                              <MatchPicker planned={item} items={preview.items} value={choice} onChange={(value) => onChoose(item.row, value)} />
                              {clashes.has(item.row) && <p className="mt-1 text-xs text-red-700">Also chosen for row {clashes.get(item.row)}: an item can take one row.</p>}
                            </td>
                          )}
                          <td className="py-1.5 pr-3 align-top">
                            <Badge tone={ACTION[action].tone}>{ACTION[action].label}</Badge>
                          </td>
                          <td className="py-1.5 pr-3 align-top">{before && before !== item.status ? `${status(before)} → ${status(item.status)}` : status(item.status)}</td>
                          <td className="py-1.5 pr-3 align-top">
                            {action === "create" && priority === null ? <Badge tone="amber">{NEEDS_TRIAGE_LABEL}</Badge> : priorityLabel(priority)}
                          </td>
                          <td className="py-1.5 pr-3 align-top text-xs">{item.evidenceToAdd.length ? item.evidenceToAdd.map((e) => <div key={e}>{e}</div>) : <span className="text-slate-500">—</span>}</td>
                          <td className="py-1.5 align-top text-xs">{lineLink(item.line)}</td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}
