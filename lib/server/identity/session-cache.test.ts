import { describe, expect, it } from "vitest";
import { cachedIdentity, forgetIdentitiesOf, rememberIdentity, SESSION_CACHE_MS } from "./session-cache";

const person = (userId: string) => ({ userId, name: "Ada", email: `${userId}@example.com` });
const inAMonth = (now: number) => new Date(now + 30 * 86_400_000);

describe("cached session look-ups", () => {
  it("stand for at most SESSION_CACHE_MS, then ask the database again", () => {
    const now = Date.now();
    rememberIdentity("cookie-kept", person("kept"), inAMonth(now), now);
    expect(cachedIdentity("cookie-kept", now + SESSION_CACHE_MS - 1)?.userId).toBe("kept");
    expect(cachedIdentity("cookie-kept", now + SESSION_CACHE_MS)).toBeNull();
  });

  it("never outlive the session itself", () => {
    const now = Date.now();
    rememberIdentity("cookie-ending", person("ending"), new Date(now + 1000), now);
    expect(cachedIdentity("cookie-ending", now + 999)?.userId).toBe("ending");
    expect(cachedIdentity("cookie-ending", now + 1000)).toBeNull();
  });

  it("are forgotten for every session of a person at once, and only theirs", () => {
    const now = Date.now();
    rememberIdentity("laptop", person("leaving"), inAMonth(now), now);
    rememberIdentity("phone", person("leaving"), inAMonth(now), now);
    rememberIdentity("colleague", person("staying"), inAMonth(now), now);
    forgetIdentitiesOf("leaving");
    expect(cachedIdentity("laptop", now)).toBeNull();
    expect(cachedIdentity("phone", now)).toBeNull();
    expect(cachedIdentity("colleague", now)?.userId).toBe("staying");
  });

  it("know no cookie they were not told about", () => {
    expect(cachedIdentity("forged", Date.now())).toBeNull();
  });
});
