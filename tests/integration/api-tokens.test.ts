import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { createApiToken, hashApiToken, listApiTokens, revokeApiToken } from "@/lib/server/services/api-tokens";
import { activitiesOf, teamWith } from "../support/fixtures";
import { code, failure } from "../support/readiness";

describe("API tokens", () => {
  it("shows the secret once and stores only its hash and prefix", async () => {
    const { teamId, actors: [admin] } = await teamWith(["ADMIN"]);
    const { token, secret } = await createApiToken(admin, { name: "GitHub Actions", scope: "write", expiresInDays: "30" });
    expect(secret).toMatch(/^shp_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    expect(row.prefix).toBe(secret.slice(0, 12));
    expect(token).toMatchObject({ name: "GitHub Actions", scope: "write", state: "active", lastUsedAt: null, createdBy: `${admin.name} <${admin.email}>` });
    expect(new Date(token.expiresAt as string).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    const listed = await listApiTokens(admin);
    expect(listed.map((t) => t.id)).toEqual([token.id]);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);

    const [created] = await activitiesOf(teamId, "apiToken.created");
    expect(created.after).toMatchObject({ name: "GitHub Actions", scope: "write", prefix: row.prefix });
    expect(JSON.stringify(created)).not.toContain(secret);
  });

  it("is for admins only", async () => {
    const { actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    expect(await code(createApiToken(lead, { name: "Mine", scope: "read" }))).toBe("FORBIDDEN");
    expect(await code(listApiTokens(lead))).toBe("FORBIDDEN");
    const { token } = await createApiToken(admin, { name: "Theirs", scope: "read" });
    expect(await code(revokeApiToken(lead, { tokenId: token.id }))).toBe("FORBIDDEN");
  });

  it("names what is wrong with a request and creates nothing", async () => {
    const { teamId, actors: [admin] } = await teamWith(["ADMIN"]);
    const error = await failure(createApiToken(admin, { name: " ", scope: "admin", expiresInDays: "0" }));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["expiresInDays", "name", "scope"]);
    expect(await db.apiToken.count({ where: { teamId } })).toBe(0);
  });

  it("revokes within the team only, once", async () => {
    const { teamId, actors: [admin] } = await teamWith(["ADMIN"]);
    const { actors: [otherAdmin] } = await teamWith(["ADMIN"]);
    const { token } = await createApiToken(admin, { name: "CI", scope: "write" });
    expect(await code(revokeApiToken(otherAdmin, { tokenId: token.id }))).toBe("NOT_FOUND");
    await revokeApiToken(admin, { tokenId: token.id });
    await revokeApiToken(admin, { tokenId: token.id });
    expect((await listApiTokens(admin))[0].state).toBe("revoked");
    expect(await activitiesOf(teamId, "apiToken.revoked")).toHaveLength(1);
  });
});
