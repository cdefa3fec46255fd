// The status report as Markdown (GitHub-flavoured): a document in the spirit
// of hand-written readiness reports, but computed. Its layout is regular so
// that it can be read back (docs/report-format.md):
//   # <project> — production readiness
//   ## Summary, ## Changes since milestone “<name>” (when there is one),
//   ## Readiness matrix, ## Launch blockers,
//   ## MUST / SHOULD / NICE / LATER, ## <category> (one table per category),
//   ## Waivers, ## Stale evidence
// User text is escaped so that it renders literally: no raw HTML, and links
// only to http(s) URLs (markdown-text.ts); table cells also escape `|`.
import { formatDay, formatHours, formatRemainingEffort, needsTriageText, noLaunchBlockersText } from "@/lib/domain/format";
import { dayIn } from "@/lib/domain/readiness/dates";
import { forecastSentence } from "@/lib/domain/history/forecast";
import { changesMarkdown } from "./changes-markdown";
import { markdownTable as table } from "./markdown-table";
import { mdBareUrl, mdCode, mdHeading, mdLink, mdParagraph, mdText } from "./markdown-text";
import { PRIORITY_GROUP_LABEL, PRIORITY_GROUPS, priorityGroupOf, priorityLabel, STANDING_GLYPH, STANDING_LABEL } from "@/lib/domain/readiness/vocabulary";
import { allItems, PRIORITY_WORD, type ProjectReport, type ReportEvidence, type ReportItem } from "./report";


function evidenceLink(evidence: ReportEvidence): string {
  const text = evidence.url ? mdLink(evidence.label, evidence.url) : evidence.path ? mdCode(evidence.path) : mdText(evidence.label);
  return evidence.expired ? `${text} (expired)` : text;
}

const owner = (name: string | null, none: string) => (name ? mdText(name) : none);

const status = (item: ReportItem) =>
  `${STANDING_GLYPH[item.standing]} ${STANDING_LABEL[item.standing]}${item.standing === "NOT_APPLICABLE" && item.notApplicableReason ? `: ${mdText(item.notApplicableReason)}` : ""}`;

const due = (item: ReportItem) => (item.dueDate ? `${item.dueDate}${item.overdue ? " (overdue)" : ""}` : "—");

// "2 more items done or waived and 3 items triaged".
export function nextLevelNeeds({ outstanding, needsTriage }: { outstanding: number; needsTriage: number }): string {
  const parts = [];
  if (outstanding > 0 || needsTriage === 0) parts.push(`${outstanding} more item${outstanding === 1 ? "" : "s"} done or waived`);
  if (needsTriage > 0) parts.push(`${needsTriage} item${needsTriage === 1 ? "" : "s"} given a priority`);
  return parts.join(" and ");
}

export function reportMarkdown(report: ProjectReport): string {
  const { project, summary } = report;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(`# ${mdHeading(project.name)} — production readiness`, "");
  if (project.description) push(mdParagraph(project.description), "");
  push(
    `**Readiness:** ${summary.readinessPercent}% · **Level ${summary.level}:** ${summary.levelName}${summary.needsTriage > 0 ? ` · **${needsTriageText(summary.needsTriage)}** (no level above 1 until they are prioritised)` : ""}  `,
    `**Launch blockers:** ${summary.launchBlockers} · **Remaining effort:** ${formatRemainingEffort(summary.remainingEffortHours, summary.unestimatedItems)}  `,
    `**Target launch:** ${project.targetDate ? `${project.targetDate}${project.daysToTarget !== null ? ` (${project.daysToTarget >= 0 ? `${project.daysToTarget} days to go` : `${-project.daysToTarget} days overdue`})` : ""}` : "not set"}  `,
    `**Forecast:** ${forecastSentence(report.forecast, project.targetDate)}  `,
    `**Report date:** ${dayIn(new Date(report.generatedAt), report.timeZone)} · **Dates in** ${report.timeZone}${project.archived ? " · **Archived**" : ""}`,
    "",
  );
  if (project.productionUrl || project.repositoryUrl) {
    push([project.productionUrl && `Production: ${mdBareUrl(project.productionUrl)}`, project.repositoryUrl && `Repository: ${mdBareUrl(project.repositoryUrl)}`].filter(Boolean).join(" · "), "");
  }

  push("## Summary", "");
  if (summary.nextLevel) {
    push(`Next: **Level ${summary.nextLevel.level} — ${summary.nextLevel.name}** needs ${nextLevelNeeds(summary.nextLevel)}:`, "");
    for (const item of summary.nextLevel.items) push(`- [ ] ${PRIORITY_WORD[priorityGroupOf(item.priority)]} ${mdCode(item.key)} ${mdText(item.title)}${item.owner ? ` (${mdText(item.owner)})` : ""}`);
    push("");
  } else {
    push("Every applicable item is done or waived.", "");
  }
  push(
    table(
      ["Done", "Waived", "Partial", "Needs evidence", "Stale", "Not evaluated yet", "Missing", "N/A", "Total"],
      [
        [
          summary.counts.DONE,
          summary.counts.WAIVED,
          summary.counts.PARTIAL,
          summary.counts.NEEDS_EVIDENCE,
          summary.counts.STALE,
          summary.counts.NOT_EVALUATED,
          summary.counts.MISSING,
          summary.counts.NOT_APPLICABLE,
          summary.total,
        ].map(String),
      ],
    ),
    "",
  );

  if (report.sinceMilestone) push(...changesMarkdown(report.sinceMilestone, `Changes since milestone “${mdText(report.sinceMilestone.from.name)}”`, report.timeZone));

  push("## Readiness matrix", "");
  push(
    table(
      ["Category", "State", "Done or waived", "Applicable", "Readiness"],
      report.categories.map((c) => [mdText(c.name), c.glyph, String(c.counts.DONE + c.counts.WAIVED), String(c.applicable), `${c.percent}%`]),
    ),
    "",
    "○ nothing done · ◐ in progress · ● all done · – nothing applicable",
    "",
  );

  push("## Launch blockers", "");
  if (report.blockers.length === 0) push(noLaunchBlockersText(summary.needsTriage), "");
  else push(table(["Key", "Item", "Status", "Owner", "Due"], report.blockers.map((item) => [mdCode(item.key), mdText(item.title), status(item), owner(item.owner, "unassigned"), due(item)])), "");

  const items = allItems(report);
  for (const group of PRIORITY_GROUPS) {
    const open = items.filter((item) => priorityGroupOf(item.priority) === group && item.standing !== "NOT_APPLICABLE");
    if (open.length === 0) continue;
    push(`## ${PRIORITY_WORD[group]} (${PRIORITY_GROUP_LABEL[group].toLowerCase()})`, "");
    for (const item of open) {
      const done = item.standing === "DONE" || item.standing === "WAIVED";
      push(`- [${done ? "x" : " "}] ${mdCode(item.key)} ${mdText(item.title)} — ${STANDING_LABEL[item.standing]}${item.owner ? ` · ${mdText(item.owner)}` : ""}`);
    }
    push("");
  }

  for (const category of report.categories) {
    push(`## ${mdHeading(category.name)}`, "");
    if (category.items.length === 0) {
      push("No items.", "");
      continue;
    }
    push(
      table(
        ["Key", "Item", "Priority", "Status", "Owner", "Effort", "Due", "Evidence"],
        category.items.map((item) => [
          mdCode(item.key),
          mdText(item.title),
          priorityLabel(item.priority),
          status(item),
          owner(item.owner, "—"),
          formatHours(item.effortHours),
          due(item),
          item.evidence.map(evidenceLink).join("<br>") || "—",
        ]),
      ),
      "",
    );
  }

  push("## Waivers", "");
  if (report.waivers.length === 0) push("None.", "");
  else
    push(
      table(
        ["Key", "Item", "Status", "Reason", "Expires", "Requested by", "Approved by"],
        report.waivers.map((w) => [mdCode(w.key), mdText(w.title), w.status === "APPROVED" ? "Approved" : "Pending", mdText(w.reason), formatDay(w.expiresOn), owner(w.requestedBy, "—"), owner(w.approvedBy, "—")]),
      ),
      "",
    );

  push("## Stale evidence", "");
  if (report.staleEvidence.length === 0) push("None.", "");
  else push(table(["Key", "Item", "Evidence", "Expired"], report.staleEvidence.map((e) => [mdCode(e.key), mdText(e.title), evidenceLink({ ...e, expired: false }), formatDay(e.expiresOn)])), "");

  push(`---`, "", `Generated by Shipshape (${report.schema}) on ${report.generatedAt}.`, "");
  return lines.join("\n");
}
