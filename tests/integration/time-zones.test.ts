// Calendar days are judged in the team's time zone: an item due on Saturday
// is not overdue on Saturday evening in Los Angeles, though it is already
// Sunday in UTC; in Auckland it is overdue before UTC's Saturday is over.
import { afterEach, describe, expect, it, vi } from "vitest";
import { filterItems } from "@/lib/domain/readiness/filters";
import { checklistYaml } from "@/lib/import/yaml-checklist";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { takeDailySnapshots } from "@/lib/server/jobs/daily-snapshots";
import { loadChecklistDocument } from "@/lib/server/read-models/checklist-document";
import { loadProjectHistory } from "@/lib/server/read-models/project-history";
import { loadItemPage } from "@/lib/server/read-models/item-page";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { addEvidence } from "@/lib/server/services/evidence";
import { importChecklist } from "@/lib/server/services/import";
import { updateItem } from "@/lib/server/services/items";
import { updateProject } from "@/lib/server/services/projects";
import { createTeam, setTeamTimeZone, teamsOf } from "@/lib/server/services/teams";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { callApi, tokenFor } from "../support/api";
import { describeActivity } from "@/lib/domain/activity-text";
import { daysBetween } from "@/lib/domain/readiness/dates";
import { activitiesOf, person, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey } from "../support/readiness";

afterEach(() => {
  vi.useRealTimers();
});

// Only Date is faked: the database driver's timers keep running.
const freezeClockAt = (iso: string) => vi.useFakeTimers({ toFake: ["Date"], now: new Date(iso) });

// A team in `timeZone` with a project whose critical HTTPS item is due on
// `dueOn` and whose target launch is the same day, and a read token.
async function teamWithItemDue(timeZone: string, dueOn: string) {
  const { actors } = await teamWith(["ADMIN", "LEAD"], "Zoned", timeZone);
  const [admin, lead] = actors as [UserActor, UserActor];
  const projectId = await catalogueProject(lead, ["security"], `Launch in ${timeZone}`);
  const tls = await itemByKey(projectId, "security.https");
  await updateItem(lead, { itemId: tls.id, version: tls.version, changes: { dueDate: dueOn } });
  await updateProject(lead, { projectId, name: `Launch in ${timeZone}`, targetDate: dueOn });
  const { secret } = await tokenFor(admin, "read");
  return { lead, projectId, token: secret };
}

// Whether the HTTPS item reads as overdue everywhere it is shown.
async function overdueEverywhere(lead: UserActor, projectId: string, token: string) {
  const page = await loadProjectPage(lead, projectId);
  const item = page.items.find((i) => i.key === "security.https")!;
  const filtered = filterItems(page.items, { overdue: "1" }, { userId: lead.userId, today: page.today });
  const report = await loadProjectReport(lead, projectId);
  const reportItem = report.blockers.find((i) => i.key === "security.https")!;
  const portfolio = await loadPortfolioReport(lead);
  const entry = portfolio.projects.find((p) => p.id === projectId)!;
  const apiItem = await callApi("GET", `/api/v1/projects/${projectId}/items/security.https`, { token });
  const apiOverdue = await callApi("GET", `/api/v1/projects/${projectId}/items?overdue=1`, { token });
  const thisWeek = filterItems(page.items, { dueThisWeek: "1" }, { userId: lead.userId, today: page.today });
  const apiThisWeek = await callApi("GET", `/api/v1/projects/${projectId}/items?dueThisWeek=true`, { token });
  return {
    page: item.overdue,
    filter: filtered.some((i) => i.key === "security.https"),
    report: reportItem.overdue,
    portfolio: entry.blockers.find((b) => b.key === "security.https")!.overdue,
    api: apiItem.body.overdue as boolean,
    apiFilter: (apiOverdue.body.data as { key: string }[]).some((i) => i.key === "security.https"),
    daysToTarget: [page.project.daysToTarget, report.project.daysToTarget, entry.daysToTarget],
    dueThisWeek: [thisWeek.some((i) => i.key === "security.https"), (apiThisWeek.body.data as { key: string }[]).some((i) => i.key === "security.https")],
  };
}

// Overdue everywhere, or else still due this week (it is due today).
const everywhere = (overdue: boolean) => ({ page: overdue, filter: overdue, report: overdue, portfolio: overdue, api: overdue, apiFilter: overdue, dueThisWeek: [!overdue, !overdue] });

describe("overdue in the team's time zone", () => {
  it("Los Angeles: an item due today is not overdue, though it is tomorrow in UTC", async () => {
    const { lead, projectId, token } = await teamWithItemDue("America/Los_Angeles", "2026-11-28");
    // Saturday 28 November, 19:30 in Los Angeles; Sunday 03:30 in UTC.
    freezeClockAt("2026-11-29T03:30:00Z");
    expect(await overdueEverywhere(lead, projectId, token)).toMatchObject({ ...everywhere(false), daysToTarget: [0, 0, 0] });
    // The API says which zone it judged in, and the exports name it.
    const project = await callApi("GET", `/api/v1/projects/${projectId}`, { token });
    expect(project.body).toMatchObject({ timeZone: "America/Los_Angeles", targetDate: "2026-11-28" });
    const markdown = await callApi("GET", `/api/v1/projects/${projectId}/report?format=md`, { token });
    expect(markdown.body).toContain("**Report date:** 2026-11-28 · **Dates in** America/Los_Angeles");
    expect(markdown.headers.get("content-disposition")).toContain("readiness-2026-11-28.md");
    const csv = await callApi("GET", `/api/v1/report?format=csv`, { token });
    expect(csv.body.split("\r\n")[1]).toMatch(/,America\/Los_Angeles$/);
    // Sunday 00:30 in Los Angeles: now it is.
    freezeClockAt("2026-11-29T08:30:00Z");
    expect(await overdueEverywhere(lead, projectId, token)).toMatchObject({ ...everywhere(true), daysToTarget: [-1, -1, -1] });
  });

  it("Auckland: an item due yesterday is overdue, though it is still that day in UTC", async () => {
    const { lead, projectId, token } = await teamWithItemDue("Pacific/Auckland", "2026-11-28");
    // Sunday 29 November, 01:00 in Auckland (NZDT, +13); Saturday 12:00 in UTC.
    freezeClockAt("2026-11-28T12:00:00Z");
    expect(await overdueEverywhere(lead, projectId, token)).toMatchObject({ ...everywhere(true), daysToTarget: [-1, -1, -1] });
    freezeClockAt("2026-11-28T10:30:00Z");
    expect(await overdueEverywhere(lead, projectId, token)).toMatchObject({ ...everywhere(false), daysToTarget: [0, 0, 0] });
  });
});

describe("days that become instants, in the team's time zone", () => {
  it("evidence to re-verify by 1 December expires as 1 December starts in New York, not the evening before", async () => {
    const { actors } = await teamWith(["LEAD", "ENGINEER"], "Zoned", "America/New_York");
    const [lead, engineer] = actors as [UserActor, UserActor];
    const projectId = await catalogueProject(lead, ["backup"]);
    const item = await itemByKey(projectId, "backup.restore-tested");
    freezeClockAt("2026-11-20T12:00:00Z");
    await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/restore-drill", expiresAt: "2026-12-01" });
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    expect((await db.evidence.findFirstOrThrow({ where: { itemId: item.id } })).expiresAt?.toISOString()).toBe("2026-12-01T05:00:00.000Z");

    const standingAt = async (iso: string) => {
      freezeClockAt(iso);
      const page = await loadItemPage(lead, projectId, item.id);
      return { standing: page.item.standing, expiresOn: page.evidence[0].expiresOn, expired: page.evidence[0].expired };
    };
    // 23:30 on 30 November in New York (04:30 on 1 December in UTC).
    expect(await standingAt("2026-12-01T04:30:00Z")).toEqual({ standing: "DONE", expiresOn: "2026-12-01", expired: false });
    // 00:00 on 1 December in New York.
    expect(await standingAt("2026-12-01T05:00:00Z")).toEqual({ standing: "STALE", expiresOn: "2026-12-01", expired: true });
    // The report, the API and the checklist export all name the day the team chose.
    const report = await loadProjectReport(lead, projectId);
    expect(report.staleEvidence[0]).toMatchObject({ expiresOn: "2026-12-01", expiresAt: "2026-12-01T05:00:00.000Z" });
    const document = await loadChecklistDocument(lead, projectId);
    const exported = document.categories[0].items.find((i) => i.key === "backup.restore-tested");
    expect(exported?.evidence?.[0].expiresAt).toBe("2026-12-01");

    // Imported back into a project, the day stays the same day.
    const { projectId: copy } = await importChecklist(lead, { text: checklistYaml(document), name: "Copy" });
    const copied = await db.evidence.findFirstOrThrow({ where: { item: { projectId: copy, key: "backup.restore-tested" } } });
    expect(copied.expiresAt?.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("a waiver until 1 December in Tokyo ends as 1 December starts there, and says so", async () => {
    const { actors } = await teamWith(["LEAD", "LEAD", "ENGINEER"], "Zoned", "Asia/Tokyo");
    const [lead, otherLead, engineer] = actors as [UserActor, UserActor, UserActor];
    const projectId = await catalogueProject(lead, ["monitoring"]);
    const item = await itemByKey(projectId, "monitoring.uptime");
    freezeClockAt("2026-11-20T12:00:00Z");
    const { waiverId } = await requestWaiver(engineer, { itemId: item.id, reason: "Covered by the hosting provider", expiresAt: "2026-12-01" });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });
    expect((await db.waiver.findUniqueOrThrow({ where: { id: waiverId } })).expiresAt.toISOString()).toBe("2026-11-30T15:00:00.000Z");

    freezeClockAt("2026-11-30T14:59:00Z");
    const page = await loadItemPage(lead, projectId, item.id);
    expect(page.item).toMatchObject({ standing: "WAIVED", waiver: { expiresOn: "2026-12-01" } });
    expect(page.waivers[0]).toMatchObject({ expiresOn: "2026-12-01", expired: false });
    const report = await loadProjectReport(lead, projectId);
    expect(report.waivers[0]).toMatchObject({ expiresOn: "2026-12-01" });
    // 00:00 on 1 December in Tokyo, still 30 November in UTC.
    freezeClockAt("2026-11-30T15:00:00Z");
    expect((await loadItemPage(lead, projectId, item.id)).item.standing).toBe("MISSING");
  });

  it("a waiver must end after today in the team's zone, not in UTC", async () => {
    const la = await teamWith(["ENGINEER"], "Zoned", "America/Los_Angeles");
    const auckland = await teamWith(["ENGINEER"], "Zoned", "Pacific/Auckland");
    const [laEngineer] = la.actors as [UserActor];
    const [nzEngineer] = auckland.actors as [UserActor];
    const laItem = await itemByKey(await catalogueProject({ ...laEngineer, role: "LEAD" }, ["monitoring"]), "monitoring.uptime");
    const nzItem = await itemByKey(await catalogueProject({ ...nzEngineer, role: "LEAD" }, ["monitoring"]), "monitoring.uptime");
    // Saturday 28 November 19:30 in Los Angeles, Sunday 16:30 in Auckland, Sunday 03:30 in UTC.
    freezeClockAt("2026-11-29T03:30:00Z");
    // Tomorrow in Los Angeles, though today in UTC.
    await requestWaiver(laEngineer, { itemId: laItem.id, reason: "Covered by the hosting provider", expiresAt: "2026-11-29" });
    // Today in Auckland: refused, field by field.
    const refused = await failure(requestWaiver(nzEngineer, { itemId: nzItem.id, reason: "Covered by the hosting provider", expiresAt: "2026-11-29" }));
    expect(refused.fields?.expiresAt).toEqual(["Choose an expiry date in the future."]);
    expect(await db.waiver.count({ where: { itemId: nzItem.id } })).toBe(0);
  });
});

describe("the team's time zone", () => {
  it("is the creator's when a team is made, UTC when none is sent, and must be an IANA name", async () => {
    const founder = await person("Founder");
    const { teamId } = await createTeam(founder, { name: "Tokyo crew", timeZone: "Asia/Tokyo" });
    const { teamId: plain } = await createTeam(founder, { name: "Plain crew" });
    const zones = Object.fromEntries((await teamsOf(founder.userId)).map((t) => [t.teamId, t.timeZone]));
    expect(zones).toEqual({ [teamId]: "Asia/Tokyo", [plain]: "UTC" });
    expect((await activitiesOf(teamId, "team.created"))[0].after).toMatchObject({ timeZone: "Asia/Tokyo" });

    for (const timeZone of ["Mars/Olympus_Mons", "+05:30", "EST", "PST", "", "Europe/Berlin; DROP TABLE team"]) {
      const error = await failure(createTeam(founder, { name: "Nowhere crew", timeZone }));
      expect(error.fields?.timeZone, timeZone).toBeDefined();
    }
    expect((await teamsOf(founder.userId)).map((t) => t.teamName).sort()).toEqual(["Plain crew", "Tokyo crew"]);
  });

  it("is set by an admin, spelt the usual way, recorded as activity, and keeps every expiry day the same day", async () => {
    const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
    const [admin, lead, engineer] = actors as [UserActor, UserActor, UserActor];
    const projectId = await catalogueProject(lead, ["backup"]);
    const item = await itemByKey(projectId, "backup.restore-tested");
    freezeClockAt("2026-11-20T12:00:00Z");
    await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/drill", expiresAt: "2026-12-01" });
    await requestWaiver(engineer, { itemId: item.id, reason: "Drill booked for January", expiresAt: "2027-01-15" });

    expect(await code(setTeamTimeZone(lead, { timeZone: "Europe/Berlin" }))).toBe("FORBIDDEN");
    const invalid = await failure(setTeamTimeZone(admin, { timeZone: "Europe/Atlantis" }));
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.fields?.timeZone).toEqual(["Choose a time zone from the list, such as Europe/Berlin or America/New_York."]);
    expect(await activitiesOf(teamId, "team.timeZoneChanged")).toHaveLength(0);

    expect(await setTeamTimeZone(admin, { timeZone: " europe/berlin " })).toEqual({ timeZone: "Europe/Berlin", expiryDaysKept: 2 });
    const [activity] = await activitiesOf(teamId, "team.timeZoneChanged");
    expect(activity).toMatchObject({ actorUserId: admin.userId, before: { timeZone: "UTC" }, after: { timeZone: "Europe/Berlin", expiryDaysKept: 2 } });
    expect(describeActivity({ action: activity.action, before: activity.before as Record<string, unknown>, after: activity.after as Record<string, unknown> })).toBe(
      "set the team's time zone to Europe/Berlin (was UTC)",
    );

    // The same days, now starting at Berlin's midnight.
    const berlin = { ...lead, timeZone: "Europe/Berlin" };
    const page = await loadItemPage(berlin, projectId, item.id);
    expect(page.evidence[0]).toMatchObject({ expiresOn: "2026-12-01", expiresAt: "2026-11-30T23:00:00.000Z" });
    expect(page.waivers[0]).toMatchObject({ expiresOn: "2027-01-15", expiresAt: "2027-01-14T23:00:00.000Z" });
    expect((await teamsOf(admin.userId))[0].timeZone).toBe("Europe/Berlin");

    // Setting the zone it already has changes nothing and records nothing.
    expect(await setTeamTimeZone(admin, { timeZone: "Europe/Berlin" })).toEqual({ timeZone: "Europe/Berlin", expiryDaysKept: 0 });
    expect(await activitiesOf(teamId, "team.timeZoneChanged")).toHaveLength(1);
  });
});

describe("history in the team's time zone", () => {
  const DAY = 86_400_000;
  const snapshotsOf = (projectId: string) => db.readinessSnapshot.findMany({ where: { projectId }, orderBy: { takenAt: "asc" } });
  const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);

  it("takes the daily snapshot once per day of the team's zone, not of UTC (Auckland, +13)", async () => {
    const { actors } = await teamWith(["LEAD"], "Zoned", "Pacific/Auckland");
    const projectId = await catalogueProject(actors[0], ["testing"]);
    // Its one snapshot: 23:30 on 15 January 2030 in Auckland.
    const taken = new Date("2030-01-15T10:30:00Z");
    await db.readinessSnapshot.updateMany({ where: { projectId }, data: { takenAt: taken, hour: hourOf(taken) } });

    const triggersAfter = async (iso: string) => {
      await takeDailySnapshots(new Date(iso));
      return (await snapshotsOf(projectId)).map((s) => s.trigger);
    };
    // 00:30 on the 16th in Auckland, still the 15th in UTC: a new day there.
    expect(await triggersAfter("2030-01-15T11:30:00Z")).toEqual(["CHANGE", "DAILY"]);
    // 23:00 on the 16th in Auckland, though a new day (the 16th) in UTC: nothing new.
    expect(await triggersAfter("2030-01-16T10:00:00Z")).toEqual(["CHANGE", "DAILY"]);
    // 00:05 on the 17th in Auckland.
    expect(await triggersAfter("2030-01-16T11:05:00Z")).toEqual(["CHANGE", "DAILY", "DAILY"]);
  });

  it("forecasts a calendar day of the team's zone (Kiritimati, +14: a day ahead of UTC at noon)", async () => {
    const kiritimati = await teamWith(["LEAD"], "Zoned", "Pacific/Kiritimati");
    const [lead] = kiritimati.actors as [UserActor];
    const projectId = await catalogueProject(lead, ["testing"]);
    await updateProject(lead, { projectId, name: "Launch", targetDate: "2030-02-01" });
    const now = new Date("2030-01-15T12:00:00Z");
    // Ten hours of effort a day burnt over the last four days.
    const [latest] = await snapshotsOf(projectId);
    for (const daysAgo of [4, 2]) {
      const takenAt = new Date(now.getTime() - daysAgo * DAY);
      const { teamId, readinessPercent, level, launchBlockers, applicable, openItems, categories, remainingEffortHours } = latest;
      await db.readinessSnapshot.create({
        data: { teamId, projectId, trigger: "DAILY", readinessPercent, level, launchBlockers, applicable, openItems, categories: categories ?? [], takenAt, hour: hourOf(takenAt), remainingEffortHours: remainingEffortHours + 10 * daysAgo },
      });
    }
    await db.readinessSnapshot.delete({ where: { id: latest.id } });

    const inZone = await loadProjectReport(lead, projectId, now);
    const inUtc = await loadProjectReport({ ...lead, timeZone: "UTC" }, projectId, now);
    const history = await loadProjectHistory(lead, projectId, now);
    const portfolio = await loadPortfolioReport(lead, now);
    if (inZone.forecast.state !== "forecast" || inUtc.forecast.state !== "forecast") throw new Error(`no forecast: ${inZone.forecast.state}`);
    // The same pace, counted from the 16th in Kiritimati and from the 15th in UTC.
    expect(daysBetween(inUtc.forecast.date, inZone.forecast.date)).toBe(1);
    expect(inZone.forecast.slackDays).toBe((inUtc.forecast.slackDays as number) - 1);
    expect(history.forecast).toEqual(inZone.forecast);
    expect(portfolio.projects.find((p) => p.id === projectId)?.forecast).toEqual(inZone.forecast);
    expect(inZone).toMatchObject({ timeZone: "Pacific/Kiritimati", project: { daysToTarget: 16 } });
    expect(portfolio.timeZone).toBe("Pacific/Kiritimati");
  });
});
