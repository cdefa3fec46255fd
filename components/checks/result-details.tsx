import type { ReactNode } from "react";
import { Moment } from "@/components/time/moment";
import { formatDay } from "@/lib/domain/format";
import type { CheckResultView } from "@/lib/server/read-models/check-view";

// A result's details (what the runner saw, lib/server/checks/runners) as a
// short definition list: the common fields named and formatted, anything
// else in a plain line; never a JSON dump of the whole.

type Row = { label: string; value: ReactNode };

const isoDay = (value: unknown) => (typeof value === "string" ? formatDay(value.slice(0, 10)) : null);
const text = (value: unknown): string =>
  value === null || value === undefined ? "—" : typeof value === "boolean" ? (value ? "yes" : "no") : Array.isArray(value) ? value.map(text).join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value);
const bytes = (value: unknown) => (typeof value === "number" ? (value < 1024 ? `${value} B` : value < 1024 * 1024 ? `${(value / 1024).toFixed(1)} KB` : `${(value / 1024 / 1024).toFixed(1)} MB`) : text(value));
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (letter) => letter.toUpperCase()).replace(/\bMs\b/, "(ms)");

type FileRow = { path: string; found?: string[]; matched?: boolean; passed?: boolean; problem?: string };

// Each known field: its label and how it reads. Order is the order shown.
const KNOWN: Record<string, (value: unknown, details: Record<string, unknown>) => Row | null> = {
  status: (value) => ({ label: "Status", value: text(value) }),
  latencyMs: (value) => ({ label: "Latency", value: `${text(value)} ms` }),
  url: (value) => ({ label: "Address", value: <span className="break-all">{text(value)}</span> }),
  redirects: (value) => (Array.isArray(value) && value.length > 0 ? { label: "Redirects", value: <span className="break-all">{value.map(text).join(" → ")}</span> } : null),
  contentType: (value) => (value ? { label: "Content type", value: text(value) } : null),
  bytes: (value, details) => ({ label: "Body", value: `${bytes(value)}${details.truncated ? " (first 1 MB read)" : ""}` }),
  json: (value) => {
    const json = value as { path?: string; ok?: boolean; value?: unknown; problem?: string };
    return { label: `JSON ${json.path ?? ""}`.trim(), value: json.ok ? JSON.stringify(json.value) : (json.problem ?? "—") };
  },
  score: (value, details) => ({ label: "Score", value: `${text(value)}${details.grade ? ` (${text(details.grade)})` : ""}${typeof details.minimumScore === "number" ? `, at least ${details.minimumScore} needed` : ""}` }),
  tests: (value) =>
    value && typeof value === "object"
      ? {
          label: "Tests",
          value: (
            <ul className="space-y-0.5">
              {Object.entries(value as Record<string, { pass?: boolean }>).map(([name, test]) => (
                <li key={name} className="break-all">
                  <span aria-hidden className={test.pass ? "text-emerald-600" : "text-red-600"}>{test.pass ? "✓ " : "✗ "}</span>
                  <code className="text-xs">{name}</code>
                  <span className="sr-only">{test.pass ? " passed" : " failed"}</span>
                </li>
              ))}
            </ul>
          ),
        }
      : null,
  requiredTests: (value) => (Array.isArray(value) && value.length > 0 ? { label: "Required", value: text(value) } : null),
  httpRedirects: (value) => (Array.isArray(value) && value.length > 0 ? { label: "From http://", value: <span className="break-all">{value.map(text).join(" → ")}</span> } : null),
  host: (value, details) => ({ label: "Host", value: `${text(value)}${details.port ? `:${details.port}` : ""}` }),
  address: (value) => (value ? { label: "Connected to", value: text(value) } : null),
  subject: (value) => (value ? { label: "Certificate for", value: text(value) } : null),
  issuer: (value) => ({ label: "Issuer", value: text(value) }),
  validTo: (value, details) => ({ label: "Expires", value: `${isoDay(value)}${typeof details.daysLeft === "number" ? ` (${details.daysLeft} days left)` : ""}` }),
  validFrom: (value) => ({ label: "Valid from", value: isoDay(value) }),
  protocol: (value) => (value ? { label: "Protocol", value: text(value) } : null),
  authorized: (value, details) => ({ label: "Trusted", value: value ? "yes" : `no${details.authorizationError ? ` (${text(details.authorizationError)})` : ""}` }),
  name: (value, details) => ({ label: "Record", value: `${text(details.type)} ${text(value)}` }),
  records: (value) => ({ label: "Records", value: <span className="break-all">{Array.isArray(value) && value.length > 0 ? text(value) : "none"}</span> }),
  expectedValue: (value) => (value !== null && value !== undefined ? { label: "Expected", value: text(value) } : null),
  repository: (value) => ({ label: "Repository", value: <span className="break-all">{text(value)}</span> }),
  branch: (value, details) => ({ label: "Branch", value: `${text(value)}${typeof details.commit === "string" ? ` at ${details.commit.slice(0, 10)}` : ""}` }),
  files: (value) =>
    Array.isArray(value)
      ? {
          label: "Files",
          value: (
            <ul className="space-y-0.5">
              {(value as FileRow[]).map((file) => (
                <li key={file.path} className="break-all">
                  <span aria-hidden className={file.passed ? "text-emerald-600" : "text-red-600"}>{file.passed ? "✓ " : "✗ "}</span>
                  <code className="text-xs">{file.path}</code>
                  {file.problem ? <span className="text-slate-600"> — {file.problem}</span> : file.found && file.found.length > 1 ? <span className="text-slate-600"> ({file.found.length} files)</span> : null}
                </li>
              ))}
            </ul>
          ),
        }
      : null,
  reportedAt: (value, details) =>
    typeof value === "string"
      ? { label: "Reported", value: <><Moment iso={value} />{typeof details.ageDays === "number" ? ` (${details.ageDays} days ago)` : ""}</> }
      : { label: "Reported", value: "never" },
  reportedPassed: (value) => ({ label: "Reported result", value: value ? "passed" : "failed" }),
  reportedSummary: (value) => (value ? { label: "Pipeline said", value: text(value) } : null),
  maxAgeDays: (value) => ({ label: "Expected every", value: `${text(value)} days` }),
  timeoutMs: (value) => ({ label: "Timeout", value: `${text(value)} ms` }),
  error: (value) => ({ label: "Error", value: text(value) }),
};

// Shown by another field's row, or not worth a row of their own.
const FOLDED = new Set([
  "truncated", "port", "daysLeft", "authorizationError", "type", "commit", "ageDays", "altNames", "fingerprint256",
  "grade", "minimumScore", "testsPassed", "testsFailed", "testsQuantity", "algorithmVersion",
]);

/** The rows a result's details read as: known fields first, in their order, then the rest. */
export function detailRows(details: Record<string, unknown>): Row[] {
  const known = Object.keys(KNOWN)
    .filter((key) => key in details)
    .map((key) => KNOWN[key](details[key], details))
    .filter((row): row is Row => row !== null);
  const rest = Object.keys(details)
    .filter((key) => !(key in KNOWN) && !FOLDED.has(key))
    .map((key) => ({ label: words(key), value: <span className="break-all">{text(details[key])}</span> }));
  return [...known, ...rest];
}

/** One result's details and its duration, as a definition list. */
export function ResultDetails({ result }: { result: CheckResultView }) {
  const rows = [...detailRows(result.details), { label: "Took", value: `${result.durationMs} ms` }];
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs">
      {rows.map((row, index) => (
        <div key={`${row.label}-${index}`} className="contents">
          <dt className="text-slate-500">{row.label}</dt>
          <dd className="min-w-0 text-slate-800">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
