// Checklists as code: a project (or a team's template) as a YAML document
// with schema `shipshape.checklist/v1` (docs/checklist-yaml.md). Export and
// import are lossless for keys, order, statuses, priorities, effort, owners
// (by e-mail), due dates, evidence and open waivers; an imported waiver is a
// request by the importer (docs/adr/0022-imports-record-only-the-importer.md).
import { isMap, LineCounter, parseDocument, stringify } from "yaml";
import { z } from "zod";
import { EVIDENCE_KINDS, ITEM_STATUSES, PRIORITIES } from "@/lib/domain/readiness/vocabulary";
import { calendarDay, httpUrl } from "@/lib/schemas/fields";
import { itemKey } from "@/lib/schemas/item";
import type { ImportedChecklist, ImportWarning } from "./checklist";

export const CHECKLIST_SCHEMA = "shipshape.checklist/v1";

// PostgreSQL text cannot hold NUL characters: refuse them here, by field.
// NFC like every text Shipshape takes in (lib/schemas/fields.ts), also when the
// YAML is read without passing an input schema first (the CLI's dry run).
const text = z.string().trim().overwrite((value) => value.normalize("NFC")).refine((value) => !value.includes("\u0000"), "Remove the NUL character.");
const email = z.email("Use an e-mail address.").transform((value) => value.toLowerCase());
const evidence = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  label: text.min(1).max(200),
  url: httpUrl.optional(),
  path: text.min(1).max(500).optional(),
  expiresAt: calendarDay.optional(),
});
const waiver = z.strictObject({
  status: z.enum(["PENDING", "APPROVED"]),
  reason: text.min(1).max(2000),
  expiresAt: calendarDay,
  requestedBy: email.optional(),
  approvedBy: email.optional(),
});
const item = z.strictObject({
  // The key rule of item creation and the API path: an imported key is one the API can address.
  key: itemKey,
  title: text.min(1).max(200),
  status: z.enum(ITEM_STATUSES).default("MISSING"),
  // Absent: nobody has weighed the item yet ("needs triage").
  priority: z.enum(PRIORITIES).optional(),
  effortHours: z.number().nonnegative().max(100_000).optional(),
  owner: email.optional(),
  dueDate: calendarDay.optional(),
  notApplicableReason: text.max(500).optional(),
  why: text.max(4000).optional(),
  howToVerify: text.max(4000).optional(),
  notes: text.max(20_000).optional(),
  evidence: z.array(evidence).default([]),
  waiver: waiver.optional(),
});
const checklistDocument = z.strictObject({
  schema: z.literal(CHECKLIST_SCHEMA, { error: `The first line must say schema: ${CHECKLIST_SCHEMA}.` }),
  name: text.min(1).max(120),
  description: text.max(2000).optional(),
  categories: z.array(z.strictObject({ name: text.min(1).max(120), items: z.array(item).default([]) })).min(1, "List at least one category."),
}).superRefine((document, context) => {
  const seen = new Set<string>();
  // Category names are unique per project whatever their case (a unique
  // index), and a project made from a template takes its names.
  const names = new Set<string>();
  document.categories.forEach((category, c) => {
    const name = category.name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
    if (names.has(name)) context.addIssue({ code: "custom", path: ["categories", c, "name"], message: `The category “${category.name}” is listed twice; list its items under one.` });
    names.add(name);
  });
  document.categories.forEach((category, c) =>
    category.items.forEach((entry, i) => {
      if (seen.has(entry.key)) context.addIssue({ code: "custom", path: ["categories", c, "items", i, "key"], message: `The key “${entry.key}” is used twice.` });
      seen.add(entry.key);
    }),
  );
});
export type ChecklistDocument = z.infer<typeof checklistDocument>;
export type ChecklistItem = ChecklistDocument["categories"][number]["items"][number];
export type ChecklistEvidence = ChecklistItem["evidence"][number];

export const looksLikeChecklistYaml = (source: string) => /^\s*(#.*\n\s*)*schema:\s*["']?shipshape\.checklist\//.test(source);

export class ChecklistYamlError extends Error {
  constructor(readonly problems: ImportWarning[]) {
    super(`The YAML checklist is not valid: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`);
    this.name = "ChecklistYamlError";
  }
}

// Parses and validates; problems name the line they are on.
export function parseChecklistYaml(source: string): ChecklistDocument {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  if (document.errors.length > 0) throw new ChecklistYamlError(document.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split("\n")[0] })));
  const result = checklistDocument.safeParse(document.toJS());
  if (result.success) return result.data;
  throw new ChecklistYamlError(
    result.error.issues.map((issue) => {
      let node = document.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (!node?.range) node = document.getIn(issue.path.slice(0, -1) as (string | number)[], true) as typeof node;
      const at = issue.path.length ? `${issue.path.join(".")}: ` : "";
      return { line: lineAt(node?.range?.[0] ?? (isMap(document.contents) ? document.contents.range?.[0] : undefined)), message: `${at}${issue.message}` };
    }),
  );
}

// Field order is the schema's, so that exports diff cleanly.
export function checklistYaml(document: ChecklistDocument): string {
  return stringify(document, { lineWidth: 0 });
}

// The document as the importer's checklist, so that YAML merges into a
// project exactly as Markdown does, with its richer fields carried along.
function checklistOfDocument(document: ChecklistDocument): ImportedChecklist {
  return {
    title: document.name,
    warnings: [],
    categories: document.categories.map((category) => ({
      name: category.name,
      items: category.items.map((entry) => ({
        key: entry.key,
        title: entry.title,
        status: entry.status,
        priority: entry.priority ?? null,
        effortHours: entry.effortHours ?? null,
        evidence: entry.evidence.map((e) => e.url ?? e.path ?? e.label),
        line: 0,
        why: entry.why,
        notes: entry.notes,
        detail: entry,
      })),
    })),
  };
}

// Parses a YAML checklist into the importer's checklist, each item with the
// line it starts on.
export function readChecklistYaml(source: string): ImportedChecklist {
  const parsed = parseChecklistYaml(source);
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines });
  const checklist = checklistOfDocument(parsed);
  checklist.categories.forEach((category, c) =>
    category.items.forEach((entry, i) => {
      const node = document.getIn(["categories", c, "items", i], true) as { range?: [number, number, number] } | undefined;
      entry.line = node?.range ? lines.linePos(node.range[0]).line : 1;
    }),
  );
  return checklist;
}
