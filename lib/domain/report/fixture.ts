// A fixed report for the golden-file tests: every standing, an expired piece
// of evidence, a waiver, an N/A reason, and titles with the characters that
// break tables and spreadsheets (| , " = and a line break). The team is in
// New York, and the report is generated late on 14 January there, when it is
// already the 15th in UTC: every day in the exports must be New York's.
import { compareStates, stateOfReport, type ReadinessState } from "../history/milestone-state";
import { PORTFOLIO_SCHEMA, portfolioTotals, type PortfolioReport } from "./portfolio";
import { REPORT_SCHEMA, type ProjectReport, type ReportItem } from "./report";

const counts = (partial: Partial<Record<ReportItem["standing"], number>>) => ({ MISSING: 0, PARTIAL: 0, NEEDS_EVIDENCE: 0, STALE: 0, WAIVED: 0, DONE: 0, NOT_APPLICABLE: 0, ...partial });

const item = (fields: Partial<ReportItem> & Pick<ReportItem, "key" | "title" | "category" | "priority" | "status" | "standing">): ReportItem => ({
  owner: null,
  dueDate: null,
  overdue: false,
  effortHours: null,
  notApplicableReason: null,
  evidence: [],
  waiver: null,
  ...fields,
});

const auth = item({
  key: "security.authentication",
  title: "Authentication | sessions",
  category: "Security",
  priority: "CRITICAL",
  status: "DONE",
  standing: "DONE",
  owner: "Erin Engineer",
  effortHours: 8,
  evidence: [{ kind: "PULL_REQUEST", label: "PR #12", url: "https://git.example.com/acme/checkout/pull/12", path: null, expiresAt: null, expiresOn: null, expired: false }],
});
const secrets = item({
  key: "security.secrets",
  title: 'Secrets in a vault, "never" in git',
  category: "Security",
  priority: "CRITICAL",
  status: "MISSING",
  standing: "MISSING",
  owner: "Lee Lead",
  dueDate: "2027-01-10",
  overdue: true,
  effortHours: 4,
});
const headers = item({
  key: "security.headers",
  title: "Security headers",
  category: "Security",
  priority: "HIGH",
  status: "DONE",
  standing: "STALE",
  effortHours: 2,
  evidence: [{ kind: "CHECK_RESULT", label: "Header scan", url: "https://scan.example.com/r/7", path: null, expiresAt: "2027-01-01T05:00:00.000Z", expiresOn: "2027-01-01", expired: true }],
});
const pentest = item({
  key: "security.penetration-test",
  title: "=Penetration test",
  category: "Security",
  priority: "LOW",
  status: "MISSING",
  standing: "WAIVED",
  effortHours: 40,
  waiver: { status: "APPROVED", reason: "External test booked\nfor March", expiresAt: "2027-03-31T04:00:00.000Z", expiresOn: "2027-03-31", requestedBy: "Erin Engineer", approvedBy: "Lee Lead" },
});
const unit = item({
  key: "testing.unit",
  title: "Unit tests, for core logic",
  category: "Testing",
  priority: "HIGH",
  status: "PARTIAL",
  standing: "PARTIAL",
  owner: "Erin Engineer",
  effortHours: 16,
  evidence: [{ kind: "FILE_PATH", label: "tests/", url: null, path: "tests/unit", expiresAt: null, expiresOn: null, expired: false }],
});
const mobile = item({
  key: "testing.device-lab",
  title: "Device lab",
  category: "Testing",
  priority: "MEDIUM",
  status: "NOT_APPLICABLE",
  standing: "NOT_APPLICABLE",
  notApplicableReason: "No mobile app",
});

const CURRENT: Omit<ProjectReport, "sinceMilestone"> = {
  schema: REPORT_SCHEMA,
  generatedAt: "2027-01-15T03:30:00.000Z",
  timeZone: "America/New_York",
  project: {
    id: "proj_checkout",
    name: "Checkout API",
    description: "Payments for the web shop.",
    productionUrl: "https://checkout.example.com",
    repositoryUrl: null,
    targetDate: "2027-02-01",
    daysToTarget: 18,
    archived: false,
    evidencePolicy: "CRITICAL",
    template: "shipshape-standard v1",
  },
  summary: {
    readinessPercent: 44,
    level: 0,
    levelName: "Not launch ready",
    nextLevel: { level: 1, name: "Blockers cleared", outstanding: 1, needsTriage: 0, items: [{ key: secrets.key, title: secrets.title, priority: "CRITICAL", owner: "Lee Lead" }] },
    launchBlockers: 1,
    needsTriage: 0,
    remainingEffortHours: 13,
    openItems: 3,
    unestimatedItems: 0,
    total: 6,
    applicable: 5,
    counts: counts({ DONE: 1, MISSING: 1, STALE: 1, WAIVED: 1, PARTIAL: 1, NOT_APPLICABLE: 1 }),
  },
  blockers: [secrets],
  categories: [
    { name: "Security", percent: 44, glyph: "◐", counts: counts({ DONE: 1, MISSING: 1, STALE: 1, WAIVED: 1 }), applicable: 4, items: [auth, secrets, headers, pentest] },
    { name: "Testing", percent: 50, glyph: "◐", counts: counts({ PARTIAL: 1, NOT_APPLICABLE: 1 }), applicable: 1, items: [unit, mobile] },
  ],
  waivers: [{ key: pentest.key, title: pentest.title, ...(pentest.waiver as NonNullable<ReportItem["waiver"]>) }],
  staleEvidence: [{ key: headers.key, title: headers.title, ...headers.evidence[0] }],
  forecast: { state: "forecast", basis: "effort", hoursPerDay: 1.5, itemsPerDay: null, date: "2027-01-24", slackDays: 8, onTrack: true, unestimatedItems: 0 },
};

// The "Beta review" milestone, three weeks earlier: authentication and the
// pen test were still open, the header scan still current, the device lab
// applicable, and the audit log not yet on the list.
const state = stateOfReport({ ...CURRENT, sinceMilestone: null });
const BETA_REVIEW: ReadinessState = {
  ...state,
  takenAt: "2026-12-20T16:00:00.000Z",
  readinessPercent: 18,
  launchBlockers: 2,
  remainingEffortHours: 62,
  items: [
    ...state.items.map((i) => {
      if (i.key === auth.key || i.key === pentest.key) return { ...i, standing: "MISSING" as const, evidence: [] };
      if (i.key === headers.key) return { ...i, standing: "DONE" as const };
      if (i.key === mobile.key) return { ...i, standing: "MISSING" as const };
      return i;
    }),
    { key: "security.audit-log", title: "Audit log", category: "Security", priority: "CRITICAL", standing: "MISSING", owner: null, evidence: [] },
  ],
};

export const FIXED_REPORT: ProjectReport = {
  ...CURRENT,
  sinceMilestone: compareStates(BETA_REVIEW, "Beta review", state, "Now"),
};

// A fixed portfolio: the project above, one launch-ready project running
// late, and one without history.
export const FIXED_PORTFOLIO: PortfolioReport = (() => {
  const projects: PortfolioReport["projects"] = [
    {
      id: "proj_checkout",
      name: "Checkout API",
      readinessPercent: 44,
      level: 0,
      levelName: "Not launch ready",
      launchBlockers: 1,
      needsTriage: 0,
      remainingEffortHours: 13,
      unestimatedItems: 0,
      doneOrWaived: 2,
      applicable: 5,
      targetDate: "2027-02-01",
      daysToTarget: 18,
      forecast: CURRENT.forecast,
      blockers: [{ key: secrets.key, title: secrets.title, owner: "Lee Lead", dueDate: "2027-01-10", overdue: true }],
    },
    {
      id: "proj_search",
      name: "Search | v2",
      readinessPercent: 91,
      level: 2,
      levelName: "Launch ready",
      launchBlockers: 0,
      needsTriage: 0,
      remainingEffortHours: 6,
      unestimatedItems: 0,
      doneOrWaived: 20,
      applicable: 22,
      targetDate: "2027-01-20",
      daysToTarget: 6,
      forecast: { state: "forecast", basis: "effort", hoursPerDay: 0.5, itemsPerDay: null, date: "2027-01-27", slackDays: -7, onTrack: false, unestimatedItems: 0 },
      blockers: [],
    },
    {
      id: "proj_mobile",
      name: "Mobile app",
      readinessPercent: 0,
      level: 0,
      levelName: "Not launch ready",
      launchBlockers: 3,
      needsTriage: 5,
      remainingEffortHours: 120,
      unestimatedItems: 4,
      doneOrWaived: 0,
      applicable: 12,
      targetDate: null,
      daysToTarget: null,
      forecast: { state: "insufficient-history", basis: "items", historyDays: 0, unestimatedItems: 4 },
      blockers: [
        { key: "security.authentication", title: "Authentication", owner: null, dueDate: null, overdue: false },
        { key: "security.secrets", title: "Secrets management", owner: "Erin Engineer", dueDate: "2027-03-01", overdue: false },
        { key: "security.https", title: "HTTPS", owner: null, dueDate: null, overdue: false },
      ],
    },
  ];
  return { schema: PORTFOLIO_SCHEMA, generatedAt: CURRENT.generatedAt, timeZone: CURRENT.timeZone, team: { name: "Launch Crew", slug: "launch-crew" }, totals: portfolioTotals(projects), projects };
})();
