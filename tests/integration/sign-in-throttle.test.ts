import { describe, expect, it } from "vitest";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "@/lib/server/identity/sign-in-throttle";

describe("sign-in throttling", () => {
  it("locks an address after five failures, and a success clears the count", async () => {
    const email = `guess.${Date.now()}@example.com`;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await assertSignInAllowed(email, "10.0.0.1");
      await recordFailedSignIn(email, "10.0.0.1");
    }
    await clearFailedSignIns(email);
    for (let attempt = 0; attempt < 5; attempt += 1) await recordFailedSignIn(email, "10.0.0.2");
    await expect(assertSignInAllowed(email, "10.0.0.3")).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/15 minutes/) });
    await assertSignInAllowed(`other.${email}`, "10.0.0.3");
  });

  it("locks a client address after thirty failures across accounts", async () => {
    const client = `192.0.2.${Date.now() % 250}`;
    for (let attempt = 0; attempt < 30; attempt += 1) await recordFailedSignIn(`spray${attempt}.${Date.now()}@example.com`, client);
    await expect(assertSignInAllowed(`fresh.${Date.now()}@example.com`, client)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
