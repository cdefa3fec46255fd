// Paging through the REST API's project list while others change it. The
// promise (docs/api.md, "Pagination"): a project that is in the filtered list
// for the whole paging appears exactly once; one that joins or leaves the
// list meanwhile appears at most once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { archiveProject, createProject, deleteProject, restoreProject, updateProject } from "@/lib/server/services/projects";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";
import { byId, expectEachOnce, membership, pageThrough, wholeList } from "../support/paging";

describe("paging projects", () => {
  // Projects are listed per team: each test gets a team of its own.
  async function ownTeam() {
    const { actors } = await teamWith(["ADMIN", "LEAD"], "Paging projects");
    const token = (await tokenFor(actors[0], "read", "Portfolio reader")).secret;
    return { admin: actors[0], lead: actors[1], token };
  }

  it("never skips or repeats a project while others create, archive, restore, rename and delete projects", async () => {
    const team = await ownTeam();
    const ids: Record<string, string> = {};
    for (const name of ["Delta", "Bravo", "Foxtrot", "Alpha", "Echo", "Charlie", "Golf"]) {
      ids[name] = (await createProject(team.lead, { name, source: "blank" })).projectId;
    }
    await archiveProject(team.lead, { projectId: ids.Golf });
    const path = "/api/v1/projects";
    const watch = membership(await wholeList(team.token, path, byId));

    const rounds: (() => Promise<void>)[] = [
      async () => {
        // Returned so far: Delta, Bravo (oldest first).
        await archiveProject(team.lead, { projectId: ids.Bravo }); // the last one returned
        await archiveProject(team.lead, { projectId: ids.Alpha }); // one not yet returned
        await restoreProject(team.lead, { projectId: ids.Golf }); // one joins
        await updateProject(team.lead, { projectId: ids.Echo, name: "Aardvark" }); // renamed to sort first by name
        ids.Hotel = (await createProject(team.lead, { name: "Hotel", source: "blank" })).projectId;
      },
      async () => {
        await deleteProject(team.admin, { projectId: ids.Foxtrot, confirmName: "Foxtrot" });
        await deleteProject(team.admin, { projectId: ids.Charlie, confirmName: "Charlie" });
        await createProject(team.lead, { name: "0 first by name", source: "blank" });
      },
    ];
    const seen = await pageThrough(team.token, path, 2, byId, async (page) => {
      await rounds[page]?.();
      watch.note(await wholeList(team.token, path, byId));
    });

    expectEachOnce(seen, watch.throughout, watch.ever);
    expect(watch.throughout).toEqual(new Set([ids.Delta, ids.Echo]));
    expect(seen.slice(0, 4)).toEqual([ids.Delta, ids.Bravo, ids.Foxtrot, ids.Echo]);
  });

  it("keeps the promise over random interleavings of page reads and changes", async () => {
    type Step = { kind: "read" } | { kind: "create" } | { kind: "archive" | "restore" | "rename" | "delete"; pick: number; name?: string };
    const pick = fc.nat(50);
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: "read" as const }) },
      fc.constant({ kind: "create" as const }),
      fc.record({ kind: fc.constantFrom("archive" as const, "restore" as const, "delete" as const), pick }),
      fc.record({ kind: fc.constant("rename" as const), pick, name: fc.constantFrom("Aaa", "Mmm", "Zzz") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("hide", "include", "only"), fc.integer({ min: 1, max: 3 }), fc.array(step, { minLength: 3, maxLength: 16 }), async (archived, limit, steps) => {
        const team = await ownTeam();
        let made = 0;
        const make = async () => {
          made += 1;
          const { projectId } = await createProject(team.lead, { name: `Project ${made}`, source: "blank" });
          if (made % 3 === 0) await archiveProject(team.lead, { projectId });
        };
        for (let n = 0; n < 6; n += 1) await make();
        const path = `/api/v1/projects?archived=${archived}`;
        const watch = membership(await wholeList(team.token, path, byId));
        const seen: string[] = [];
        let cursor: string | null | undefined;
        const readPage = async () => {
          const answer = await callApi("GET", `${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token: team.token });
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          seen.push(...answer.body.data.map(byId));
          cursor = answer.body.nextCursor;
        };

        for (const s of steps) {
          if (s.kind === "read") {
            if (cursor !== null) await readPage();
            continue;
          }
          if (s.kind === "create") await make();
          else {
            const projects = await db.project.findMany({ where: { teamId: team.lead.teamId }, orderBy: { id: "asc" } });
            if (projects.length === 0) continue;
            const project = projects[s.pick % projects.length];
            if (s.kind === "archive") await archiveProject(team.lead, { projectId: project.id });
            if (s.kind === "restore") await restoreProject(team.lead, { projectId: project.id });
            if (s.kind === "delete") await deleteProject(team.admin, { projectId: project.id, confirmName: project.name });
            if (s.kind === "rename" && !project.archivedAt) await updateProject(team.lead, { projectId: project.id, name: s.name });
          }
          watch.note(await wholeList(team.token, path, byId));
        }
        while (cursor !== null) await readPage();

        expectEachOnce(seen, watch.throughout, watch.ever);
      }),
      { numRuns: 20, seed: 20261213, endOnFailure: true },
    );
  }, 180_000);
});
