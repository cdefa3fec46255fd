import { StateComparisonView } from "@/components/history/state-comparison";
import { PriorityBadge } from "@/components/readiness/priority-badge";
import { StandingBadge } from "@/components/readiness/standing-badge";
import { formatDay, formatEffortAtLeast, formatHours, needsTriageText, noLaunchBlockersText } from "@/lib/domain/format";
import { dayIn } from "@/lib/domain/readiness/dates";
import { forecastSentence } from "@/lib/domain/history/forecast";
import { priorityGroupOf } from "@/lib/domain/readiness/vocabulary";
import { nextLevelNeeds } from "@/lib/domain/report/markdown";
import { PRIORITY_WORD, type ProjectReport, type ReportEvidence, type ReportItem } from "@/lib/domain/report/report";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid-page">
      <h2 className="mb-2 mt-8 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function EvidenceLinks({ evidence }: { evidence: ReportEvidence[] }) {
  if (evidence.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {evidence.map((e, index) => (
        <li key={index} className={e.expired ? "text-amber-700" : undefined}>
          {e.url ? (
            <a href={e.url} rel="noopener noreferrer" className="text-indigo-700 underline-offset-2 hover:underline">
              {e.label}
            </a>
          ) : (
            <code className="text-xs">{e.path ?? e.label}</code>
          )}
          {e.expired && " (expired)"}
        </li>
      ))}
    </ul>
  );
}

const Due = ({ item }: { item: ReportItem }) => (item.dueDate ? <span className={item.overdue ? "font-medium text-red-700" : undefined}>{formatDay(item.dueDate)}{item.overdue && " · overdue"}</span> : <span className="text-slate-500">—</span>);

const th = "border-b border-slate-200 py-1.5 pr-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

// Tables become stacked cards on a phone: each row a block, each cell a line
// labelled by its column (data-label), the header row hidden. From the `md`
// width up, and on paper, they are tables again.
const table = "block w-full md:table print:table";
const thead = "hidden md:table-header-group print:table-header-group";
const tbody = "block md:table-row-group print:table-row-group";
const tr = "block border-b border-slate-100 py-2 md:table-row md:py-0 print:table-row print:py-0";
const td =
  "block py-0.5 align-top [overflow-wrap:anywhere] md:table-cell md:border-b md:border-slate-100 md:py-1.5 md:pr-3 print:table-cell print:border-b print:border-slate-100 print:py-1.5 print:pr-3 " +
  "before:mr-1.5 before:text-xs before:font-medium before:text-slate-500 before:content-[attr(data-label)] md:before:content-none print:before:content-none";

// The status report, on screen and on paper: the same ProjectReport the
// Markdown, CSV and JSON exports are made from.
export function ProjectReportView({ report }: { report: ProjectReport }) {
  const { summary, project } = report;
  return (
    <article className="min-w-0 rounded-xl bg-white p-4 text-sm [overflow-wrap:anywhere] sm:p-6 text-slate-700 shadow-sm ring-1 ring-slate-200 print:p-0 print:shadow-none print:ring-0" data-testid="project-report">
      <header className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-200 pb-4">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">Production readiness · {formatDay(dayIn(new Date(report.generatedAt), report.timeZone))} · dates in {report.timeZone}</p>
          <p className="mt-1 text-5xl font-bold tabular-nums text-slate-900" data-testid="report-percent">
            {summary.readinessPercent}%
          </p>
          <p className="mt-1 text-base font-semibold text-indigo-700" data-testid="report-level">{summary.level > 0 ? `Level ${summary.level} — ${summary.levelName}` : summary.levelName}</p>
          {summary.needsTriage > 0 && (
            <p className="mt-1 text-sm font-semibold text-amber-800" data-testid="report-needs-triage">
              {needsTriageText(summary.needsTriage)}: no level above 1 until {summary.needsTriage === 1 ? "it is" : "they are"} prioritised.
            </p>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">Launch blockers</dt>
            <dd className="text-lg font-semibold text-slate-900" data-testid="report-blockers">{summary.launchBlockers}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Remaining effort</dt>
            <dd className="text-lg font-semibold text-slate-900">
              {formatEffortAtLeast(summary.remainingEffortHours, summary.unestimatedItems)}
            </dd>
            {summary.unestimatedItems > 0 && (
              <dd className="text-xs text-slate-500">
                {summary.unestimatedItems} open item{summary.unestimatedItems === 1 ? "" : "s"} not estimated
              </dd>
            )}
          </div>
          <div>
            <dt className="text-xs text-slate-500">Target launch</dt>
            <dd className="text-lg font-semibold text-slate-900" data-testid="report-target">{project.targetDate ? formatDay(project.targetDate) : "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Items</dt>
            <dd className="text-lg font-semibold text-slate-900">
              {summary.counts.DONE + summary.counts.WAIVED} / {summary.applicable} done
            </dd>
          </div>
        </dl>
        <p className="w-full text-sm text-slate-600" data-testid="report-forecast">
          <span className="font-medium text-slate-700">Forecast:</span> {forecastSentence(report.forecast, project.targetDate)}
        </p>
      </header>

      <Section title="What the next level needs">
        {summary.nextLevel ? (
          <>
            <p>
              <strong>
                Level {summary.nextLevel.level} — {summary.nextLevel.name}
              </strong>{" "}
              needs {nextLevelNeeds(summary.nextLevel)}:
            </p>
            <ul className="mt-2 list-disc space-y-0.5 pl-5">
              {summary.nextLevel.items.map((item) => (
                <li key={item.key}>
                  <span className="font-medium">{PRIORITY_WORD[priorityGroupOf(item.priority)]}</span> {item.title} <code className="text-xs text-slate-500">{item.key}</code>
                  {item.owner && <span className="text-slate-500"> · {item.owner}</span>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Every applicable item is done or waived.</p>
        )}
      </Section>

      {report.sinceMilestone && (
        <Section title={`Changes since milestone “${report.sinceMilestone.from.name}”`}>
          <StateComparisonView comparison={report.sinceMilestone} timeZone={report.timeZone} />
        </Section>
      )}

      <Section title="Launch blockers">
        {report.blockers.length === 0 ? (
          <p>{noLaunchBlockersText(summary.needsTriage)}</p>
        ) : (
          <table className={table}>
            <thead className={thead}>
              <tr>
                <th className={th}>Item</th>
                <th className={th}>Status</th>
                <th className={th}>Owner</th>
                <th className={th}>Due</th>
              </tr>
            </thead>
            <tbody className={tbody}>
              {report.blockers.map((item) => (
                <tr className={tr} key={item.key}>
                  <td className={td}>
                    {item.title} <code className="text-xs text-slate-500">{item.key}</code>
                  </td>
                  <td className={td} data-label="Status">
                    <StandingBadge standing={item.standing} />
                  </td>
                  <td className={td} data-label="Owner">{item.owner ?? <span className="text-red-700">unassigned</span>}</td>
                  <td className={td} data-label="Due">
                    <Due item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Readiness matrix">
        <table className={`${table} max-w-xl`} data-testid="report-matrix">
          <thead className={thead}>
            <tr>
              <th className={th}>Category</th>
              <th className={th}>State</th>
              <th className={th}>Done or waived</th>
              <th className={th}>Readiness</th>
            </tr>
          </thead>
          <tbody className={tbody}>
            {report.categories.map((category) => (
              <tr className={tr} key={category.name}>
                <td className={td}>{category.name}</td>
                <td className={`${td} text-base`} data-label="State">{category.glyph}</td>
                <td className={`${td} tabular-nums`} data-label="Done or waived">
                  {category.counts.DONE + category.counts.WAIVED} / {category.applicable}
                </td>
                <td className={`${td} tabular-nums`} data-label="Readiness">{category.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      {report.categories.map((category) => (
        <Section key={category.name} title={`${category.name} · ${category.percent}%`}>
          <div>
            <table className={table}>
              <thead className={thead}>
                <tr>
                  <th className={th}>Item</th>
                  <th className={th}>Priority</th>
                  <th className={th}>Status</th>
                  <th className={th}>Owner</th>
                  <th className={th}>Effort</th>
                  <th className={th}>Due</th>
                  <th className={th}>Evidence</th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {category.items.map((item) => (
                  <tr className={tr} key={item.key} data-report-item={item.key}>
                    <td className={td}>
                      {item.title}
                      <div>
                        <code className="text-xs text-slate-500">{item.key}</code>
                      </div>
                      {item.notApplicableReason && item.standing === "NOT_APPLICABLE" && <div className="text-xs text-slate-500">N/A: {item.notApplicableReason}</div>}
                    </td>
                    <td className={td} data-label="Priority">
                      <PriorityBadge priority={item.priority} />
                    </td>
                    <td className={td} data-label="Status">
                      <StandingBadge standing={item.standing} />
                    </td>
                    <td className={td} data-label="Owner">{item.owner ?? "—"}</td>
                    <td className={`${td} tabular-nums`} data-label="Effort">{formatHours(item.effortHours)}</td>
                    <td className={td} data-label="Due">
                      <Due item={item} />
                    </td>
                    <td className={td} data-label="Evidence">
                      <EvidenceLinks evidence={item.evidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ))}

      <Section title="Waivers">
        {report.waivers.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="space-y-1">
            {report.waivers.map((w) => (
              <li key={w.key}>
                <span className="font-medium">{w.title}</span> — {w.status === "APPROVED" ? `approved by ${w.approvedBy ?? "a lead"}` : "pending"}, until {formatDay(w.expiresOn)}: “{w.reason}”
                {w.requestedBy && <span className="text-slate-500"> (asked by {w.requestedBy})</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Stale evidence">
        {report.staleEvidence.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="space-y-1">
            {report.staleEvidence.map((e, index) => (
              <li key={index}>
                <span className="font-medium">{e.title}</span>: {e.label}, expired {formatDay(e.expiresOn)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
