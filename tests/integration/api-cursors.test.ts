// The REST API's cursors: a malformed one, or one from another list (another
// project, filter, list or team), is refused on the cursor field, saying so.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/server/kernel/actor";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";
import { pagingTeam, smallProject } from "../support/paging";

let lead: UserActor;
let read: string;

beforeAll(async () => {
  ({ lead, read } = await pagingTeam());
});

describe("cursors", () => {
  const firstCursor = async (path: string) => {
    const answer = await callApi("GET", path, { token: read });
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toEqual(expect.any(String));
    return answer.body.nextCursor as string;
  };

  async function refused(path: string) {
    const answer = await callApi("GET", path, { token: read });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION");
    expect(answer.body.error.fields.cursor).toEqual([expect.any(String)]);
    return answer.body.error as { message: string; fields: { cursor: string[] } };
  }

  it("refuses a malformed cursor on the cursor field", async () => {
    const { projectId } = await smallProject(lead, "Malformed", ["ops"], 2);
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const cursor of ["not-a-cursor", "%%%", forged({ after: "ops.01" }), forged({ v: 1, list: "x", after: [] }), forged([1, 2]), forged("ops.01")]) {
      await refused(`/api/v1/projects/${projectId}/items?cursor=${encodeURIComponent(cursor)}`);
      await refused(`/api/v1/projects?cursor=${encodeURIComponent(cursor)}`);
    }
    const tooLong = await callApi("GET", `/api/v1/projects?cursor=${"a".repeat(2000)}`, { token: read });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.cursor).toBeDefined();
  });

  it("refuses a cursor from another list, saying so", async () => {
    const one = await smallProject(lead, "One list", ["ops"], 3);
    const other = await smallProject(lead, "Another list", ["ops"], 3);
    const itemsOfOne = `/api/v1/projects/${one.projectId}/items`;
    const itemCursor = await firstCursor(`${itemsOfOne}?limit=1`);
    const projectCursor = await firstCursor("/api/v1/projects?limit=1");

    // The same list with another page size is the same list.
    expect((await callApi("GET", `${itemsOfOne}?limit=2&cursor=${itemCursor}`, { token: read })).status).toBe(200);

    const elsewhere = [
      `/api/v1/projects/${other.projectId}/items?cursor=${itemCursor}`,
      `${itemsOfOne}?status=MISSING&cursor=${itemCursor}`,
      `/api/v1/projects?cursor=${itemCursor}`,
      `${itemsOfOne}?cursor=${projectCursor}`,
      `/api/v1/projects?archived=include&cursor=${projectCursor}`,
    ];
    for (const path of elsewhere) {
      const error = await refused(path);
      expect(error.fields.cursor[0]).toMatch(/another list/i);
    }

    // Another team's token reading its own projects with this team's cursor.
    const { actors } = await teamWith(["ADMIN"], "Other team");
    const theirs = (await tokenFor(actors[0], "read")).secret;
    const answer = await callApi("GET", `/api/v1/projects?cursor=${projectCursor}`, { token: theirs });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.cursor[0]).toMatch(/another list/i);
  });
});
