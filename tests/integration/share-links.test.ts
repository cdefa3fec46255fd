// Share links: who may make them, what they open, and what they never open.
import { describe, expect, it } from "vitest";
import * as badgeRoute from "@/app/share/[token]/badge.svg/route";
import { db } from "@/lib/server/kernel/db";
import { shareLinkReader } from "@/lib/server/access/share-link-access";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { createShareLink, hashShareToken, listShareLinks, revokeShareLink } from "@/lib/server/services/share-links";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code } from "../support/readiness";

const tokenOf = (url: string) => url.split("/share/")[1];

async function badge(token: string) {
  const response = await badgeRoute.GET(new Request(`http://localhost/share/${token}/badge.svg`), { params: Promise.resolve({ token }) });
  return { status: response.status, type: response.headers.get("content-type"), cache: response.headers.get("cache-control"), body: await response.text() };
}

describe("share links", () => {
  it("are made by leads, shown once, stored hashed, listed and recorded", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    expect(await code(createShareLink(engineer, { projectId }))).toBe("FORBIDDEN");

    const { url, badgeUrl, link } = await createShareLink(lead, { projectId, expiresInDays: "7" });
    const token = tokenOf(url);
    expect(token).toMatch(/^shs_[A-Za-z0-9_-]{43}$/);
    expect(badgeUrl).toBe(`${url}/badge.svg`);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    expect((await listShareLinks(lead, projectId)).map((l) => [l.id, l.state])).toEqual([[link.id, "active"]]);
    expect(await activitiesOf(teamId, "shareLink.created")).toHaveLength(1);
  });

  it("open their own project's report and badge, and record the access", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    const other = await catalogueProject(lead, ["security"], "Another project");
    const { url, link } = await createShareLink(lead, { projectId });
    const reader = await shareLinkReader(tokenOf(url));
    expect(reader).toMatchObject({ kind: "share", projectId });
    // A share link is no viewer of the team: it has no role to be judged by.
    expect(reader).not.toHaveProperty("role");
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).lastAccessedAt).not.toBeNull();
    const report = await loadProjectReport(reader!, projectId);
    expect(JSON.stringify(report)).not.toContain("@example.com");
    // The link's team holds other projects; the link does not open them.
    expect(await code(loadProjectReport(reader!, other))).toBe("NOT_FOUND");

    const answer = await badge(tokenOf(url));
    expect(answer).toMatchObject({ status: 200, type: "image/svg+xml; charset=utf-8", cache: "public, max-age=300, s-maxage=300" });
    expect(answer.body).toContain(`readiness: ${report.summary.readinessPercent}% · L${report.summary.level}`);
  });

  it("open nothing when made up, malformed, revoked or expired", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    const revoked = await createShareLink(lead, { projectId });
    await revokeShareLink(lead, { shareLinkId: revoked.link.id });
    const expired = await createShareLink(lead, { projectId, expiresInDays: "1" });
    await db.shareLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    for (const token of [`shs_${"x".repeat(43)}`, "not-a-token", tokenOf(revoked.url), tokenOf(expired.url)]) {
      expect(await shareLinkReader(token)).toBeNull();
      const answer = await badge(token);
      expect(answer.status).toBe(404);
      expect(answer.body).toContain("unknown");
      expect(answer.cache).toBe("no-store");
    }
    expect((await listShareLinks(lead, projectId)).map((l) => l.state).sort()).toEqual(["expired", "revoked"]);
  });

  it("cannot be made for or revoked in another team's project", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { actors: [stranger] } = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    expect(await code(createShareLink(stranger, { projectId }))).toBe("NOT_FOUND");
    const { link } = await createShareLink(lead, { projectId });
    expect(await code(revokeShareLink(stranger, { shareLinkId: link.id }))).toBe("NOT_FOUND");
    expect(await listShareLinks(stranger, projectId)).toEqual([]);
  });
});
