// Rate limits per token and per client address, counted in PostgreSQL so
// that every app instance shares them. This file runs with tiny limits (the
// config is read on first use, after these lines).
process.env.API_RATE_LIMIT_PER_TOKEN = "3";
process.env.API_RATE_LIMIT_PER_IP = "5";

import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";

let admin: Awaited<ReturnType<typeof teamWith>>["actors"][number];

beforeAll(async () => {
  ({ actors: [admin] } = await teamWith(["ADMIN"], "Limits"));
});

let addresses = 0;
const uniqueAddress = () => `198.51.100.${(addresses += 1)}`;

describe("REST API rate limits", () => {
  it("answers 429 with Retry-After once a token has used its allowance", async () => {
    const token = await tokenFor(admin, "read");
    const other = await tokenFor(admin, "read");
    const address = uniqueAddress();
    const statuses: number[] = [];
    for (let n = 0; n < 4; n += 1) statuses.push((await callApi("GET", "/api/v1/projects", { token: token.secret, address })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const refused = await callApi("GET", "/api/v1/projects", { token: token.secret, address: uniqueAddress() });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another token has its own allowance.
    expect((await callApi("GET", "/api/v1/projects", { token: other.secret, address: uniqueAddress() })).status).toBe(200);
  });

  it("limits requests without a valid token per client address, then refuses the address first", async () => {
    const address = uniqueAddress();
    // Requests with a valid token spend the token's allowance, not the address's.
    for (const token of [await tokenFor(admin, "read"), await tokenFor(admin, "read")]) {
      for (let n = 0; n < 3; n += 1) expect((await callApi("GET", "/api/v1/projects", { token: token.secret, address })).status).toBe(200);
    }
    // Guesses spend the address's allowance.
    const guesses: number[] = [];
    for (let n = 0; n < 6; n += 1) guesses.push((await callApi("GET", "/api/v1/projects", { token: `shp_${String(n).repeat(43)}`, address })).status);
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await callApi("GET", "/api/v1/projects", { token: `shp_${"C".repeat(43)}`, address });
    expect(refused.body.error.message).toContain("without a valid token from your address");
    // Once over, the address is refused before any token is looked at: a
    // guess that happens to be right gains nothing.
    const fresh = await tokenFor(admin, "read");
    expect((await callApi("GET", "/api/v1/projects", { token: fresh.secret, address })).status).toBe(429);
    expect((await callApi("GET", "/api/v1/projects", { token: fresh.secret, address: uniqueAddress() })).status).toBe(200);
  });

  it("keeps its counters in PostgreSQL, shared by every instance", async () => {
    const token = await tokenFor(admin, "read");
    for (let n = 0; n < 3; n += 1) await callApi("GET", "/api/v1/projects", { token: token.secret, address: uniqueAddress() });
    const row = await db.apiRateLimit.findUniqueOrThrow({ where: { key: `api:token:${token.id}` } });
    expect(row.points).toBe(3);

    // A second instance: fresh modules, fresh limiter objects, same database.
    vi.resetModules();
    const fresh = await import("@/lib/server/api/rate-limit");
    await expect(fresh.spendAllowance("token", token.id)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
