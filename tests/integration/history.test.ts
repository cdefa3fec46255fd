// Readiness history: snapshots on change (one per hour at most) and daily,
// the trend and forecast read from them, milestones and their comparison,
// and the report's "changes since the last milestone".
import { describe, expect, it } from "vitest";
import { db, sqlStatementCount } from "@/lib/server/kernel/db";
import { takeDailySnapshots } from "@/lib/server/jobs/daily-snapshots";
import { compareProjectStates, loadProjectHistory } from "@/lib/server/read-models/project-history";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { addEvidence } from "@/lib/server/services/evidence";
import { updateItem } from "@/lib/server/services/items";
import { createMilestone, deleteMilestone } from "@/lib/server/services/milestones";
import { archiveProject } from "@/lib/server/services/projects";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey } from "../support/readiness";

const snapshotsOf = (projectId: string) => db.readinessSnapshot.findMany({ where: { projectId }, orderBy: { takenAt: "asc" } });
const HOUR = 3_600_000;

// Moves the project's whole history back in time, as if it had been taken earlier.
async function age(projectId: string, hours: number) {
  await db.$executeRaw`UPDATE readiness_snapshot SET "takenAt" = "takenAt" - make_interval(hours => ${hours}), hour = hour - make_interval(hours => ${hours}) WHERE "projectId" = ${projectId}`;
  await db.$executeRaw`UPDATE milestone SET "createdAt" = "createdAt" - make_interval(hours => ${hours}) WHERE "projectId" = ${projectId}`;
}

async function setStatus(actor: Parameters<typeof updateItem>[0], projectId: string, key: string, status: string) {
  const item = await itemByKey(projectId, key);
  return updateItem(actor, { itemId: item.id, version: item.version, changes: { status } });
}

describe("readiness snapshots", () => {
  it("are taken when the numbers move, at most one per hour, and not for changes that move nothing", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    // Creating the project is its first change.
    const [first] = await snapshotsOf(projectId);
    expect(first).toMatchObject({ trigger: "CHANGE", readinessPercent: 0, level: 1, launchBlockers: 0 });

    await setStatus(lead, projectId, "testing.unit", "DONE");
    await setStatus(lead, projectId, "testing.integration", "PARTIAL");
    let snapshots = await snapshotsOf(projectId);
    // Same hour: the hour's snapshot now holds the latest state.
    expect(snapshots).toHaveLength(1);
    const after = await loadProjectReport(lead, projectId);
    expect(snapshots[0].readinessPercent).toBe(after.summary.readinessPercent);
    expect(snapshots[0].remainingEffortHours).toBe(after.summary.remainingEffortHours);

    await age(projectId, 2);
    const notes = await itemByKey(projectId, "testing.unit");
    await updateItem(lead, { itemId: notes.id, version: notes.version, changes: { notes: "Runs on every push" } });
    expect(await snapshotsOf(projectId)).toHaveLength(1);

    await setStatus(lead, projectId, "testing.end-to-end", "DONE");
    snapshots = await snapshotsOf(projectId);
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1].readinessPercent).toBeGreaterThan(snapshots[0].readinessPercent);
    const categories = snapshots[1].categories as { name: string; percent: number }[];
    expect(categories.map((c) => c.name)).toEqual(["Testing"]);
  });

  it("are taken daily for active projects without one today, once, whoever runs the job", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const active = await catalogueProject(lead, ["testing"]);
    const archived = await catalogueProject(lead, ["testing"], "Old project");
    await archiveProject(lead, { projectId: archived, archive: true });
    await age(active, 30);
    await age(archived, 30);

    const now = new Date();
    await Promise.all([takeDailySnapshots(now), takeDailySnapshots(now)]);
    expect((await snapshotsOf(active)).map((s) => s.trigger)).toEqual(["CHANGE", "DAILY"]);
    expect(await snapshotsOf(archived)).toHaveLength(1);
    await takeDailySnapshots(now);
    expect(await snapshotsOf(active)).toHaveLength(2);
  });

  it("are taken once a day by instances whose runs straddle an hour", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectIds: string[] = [];
    for (const name of ["One", "Two", "Three"]) projectIds.push(await catalogueProject(lead, ["testing"], name));
    for (const projectId of projectIds) await age(projectId, 30);

    // Two instances' checks a millisecond apart, on either side of the next
    // hour (of the same day): without the lock on the project, both could
    // find it due and write to two different hours.
    let boundary = Math.ceil(Date.now() / HOUR) * HOUR;
    if (new Date(boundary).getUTCHours() === 0) boundary += HOUR;
    await Promise.all([takeDailySnapshots(new Date(boundary - 1)), takeDailySnapshots(new Date(boundary))]);
    for (const projectId of projectIds) expect((await snapshotsOf(projectId)).map((s) => s.trigger)).toEqual(["CHANGE", "DAILY"]);
  });

  it("feed the trend, the burn-down and the forecast", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["testing", "security"]);
    await db.project.update({ where: { id: projectId }, data: { targetDate: new Date(Date.now() + 60 * 24 * HOUR) } });
    // Three days of progress, one change a day.
    for (const key of ["testing.unit", "testing.integration", "testing.end-to-end"]) {
      await age(projectId, 24);
      await setStatus(lead, projectId, key, "DONE");
    }
    const before = sqlStatementCount();
    const history = await loadProjectHistory(lead, projectId);
    expect(sqlStatementCount() - before).toBe(3);
    expect(history.snapshots.length).toBe(4);
    expect(history.trend.rows).toHaveLength(5);
    expect(history.trend.categories.map((c) => c.name)).toEqual(["Testing", "Security"]);
    expect(history.trend.rows.at(-1)?.overall).toBe(history.current.readinessPercent);
    const efforts = history.burnDown.map((p) => p.remainingEffortHours);
    expect(efforts[0]).toBeGreaterThan(efforts.at(-1)!);
    expect(history.forecast).toMatchObject({ state: "forecast", onTrack: expect.any(Boolean) });
    const report = await loadProjectReport(lead, projectId);
    expect(report.forecast).toEqual(history.forecast);
  });
});

describe("milestones", () => {
  it("are named by leads, recorded, and compared with now in the report", async () => {
    const { teamId, actors: [lead, engineer, viewer] } = await teamWith(["LEAD", "ENGINEER", "VIEWER"]);
    const projectId = await catalogueProject(lead, ["testing", "security"]);
    expect(await code(createMilestone(engineer, { projectId, name: "Beta review" }))).toBe("FORBIDDEN");
    expect((await failure(createMilestone(lead, { projectId, name: "  " }))).fields?.name).toEqual(["Enter a name for this milestone."]);

    const { milestoneId } = await createMilestone(lead, { projectId, name: "Beta review" });
    expect((await failure(createMilestone(lead, { projectId, name: "beta REVIEW" }))).fields?.name?.[0]).toMatch(/already has a milestone/);
    expect(await activitiesOf(teamId, "milestone.created")).toHaveLength(1);
    expect((await loadProjectReport(viewer, projectId)).sinceMilestone).toMatchObject({ from: { name: "Beta review" }, percentChange: 0, statusChanges: [] });

    // Critical items need evidence before they may be done.
    const secrets = await itemByKey(projectId, "security.secrets");
    await addEvidence(engineer, { itemId: secrets.id, kind: "PULL_REQUEST", target: "https://git.example.com/acme/pull/7", label: "PR 7" });
    await setStatus(engineer, projectId, "security.secrets", "DONE");
    await setStatus(engineer, projectId, "testing.unit", "PARTIAL");

    const report = await loadProjectReport(viewer, projectId);
    const since = report.sinceMilestone!;
    expect(since.to.readinessPercent).toBe(report.summary.readinessPercent);
    expect(since.percentChange).toBe(report.summary.readinessPercent);
    expect(since.statusChanges.map((c) => `${c.key} ${c.from}→${c.to}`).sort()).toEqual(["security.secrets MISSING→DONE", "testing.unit MISSING→PARTIAL"]);
    expect(since.clearedBlockers.map((b) => b.key)).toEqual(["security.secrets"]);
    expect(since.evidenceAdded.map((e) => e.evidence.url)).toEqual(["https://git.example.com/acme/pull/7"]);

    // The same comparison on the history page; then a second milestone.
    expect(await compareProjectStates(viewer, projectId, { from: milestoneId })).toMatchObject({ percentChange: since.percentChange, statusChanges: since.statusChanges });
    const { milestoneId: launch } = await createMilestone(lead, { projectId, name: "Launch review" });
    const between = await compareProjectStates(viewer, projectId, { from: milestoneId, to: launch });
    expect(between).toMatchObject({ from: { name: "Beta review" }, to: { name: "Launch review" }, percentChange: since.percentChange });
    // The report now compares with the latest milestone.
    expect((await loadProjectReport(viewer, projectId)).sinceMilestone).toMatchObject({ from: { name: "Launch review" }, statusChanges: [] });
    const history = await loadProjectHistory(viewer, projectId);
    expect(history.milestones.map((m) => m.name)).toEqual(["Launch review", "Beta review"]);

    expect(await code(deleteMilestone(engineer, { milestoneId: launch }))).toBe("FORBIDDEN");
    await deleteMilestone(lead, { milestoneId: launch });
    expect(await activitiesOf(teamId, "milestone.deleted")).toHaveLength(1);
    expect((await loadProjectReport(viewer, projectId)).sinceMilestone?.from.name).toBe("Beta review");
  });

  it("stay inside their team and project", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { actors: [outsider] } = await teamWith(["LEAD"], "Other team");
    const projectId = await catalogueProject(lead, ["testing"]);
    const otherProject = await catalogueProject(lead, ["security"], "Other project");
    const { milestoneId } = await createMilestone(lead, { projectId, name: "Beta" });
    expect(await code(createMilestone(outsider, { projectId, name: "Mine" }))).toBe("NOT_FOUND");
    expect(await code(deleteMilestone(outsider, { milestoneId }))).toBe("NOT_FOUND");
    expect(await code(compareProjectStates(outsider, projectId, { from: milestoneId }))).toBe("NOT_FOUND");
    expect(await code(loadProjectHistory(outsider, projectId))).toBe("NOT_FOUND");
    // A milestone of one project cannot be compared under another.
    expect(await code(compareProjectStates(lead, otherProject, { from: milestoneId }))).toBe("NOT_FOUND");
    expect(await db.milestone.count({ where: { projectId } })).toBe(1);
  });
});
