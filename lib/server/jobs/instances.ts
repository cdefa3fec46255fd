import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";

// Instances behind one load balancer must share AUTH_SECRET (a session
// cookie signed by one is refused by another, so people are signed out
// whenever the balancer switches) and APP_URL (links, Secure cookies).
// Nothing else would notice a difference: each instance records itself in
// server_instance and compares itself with the others seen lately, at
// start-up and then every minute, and says so in the log.

const HEARTBEAT_MS = 60_000;
// An instance not seen for three heartbeats has stopped.
const RUNNING_WITHIN_MS = 3 * HEARTBEAT_MS;
const FORGOTTEN_AFTER_MS = 24 * 60 * 60 * 1000;

/** What an instance tells the others: a 16-hex-digit check of its AUTH_SECRET, and its APP_URL. */
export type InstanceSettings = { secretCheck: string; appUrl: string };

/** An HMAC of a fixed text under the secret: equal for equal secrets, and no help in finding one. */
export const secretCheck = (secret: string) => createHmac("sha256", secret).update("shipshape server instance").digest("hex").slice(0, 16);

/**
 * Records instance `id` as running at `now` (its settings are those it
 * started with), forgets instances gone for a day, and returns one message
 * per setting on which another running instance differs from this one
 * (empty when all agree). `now` defaults to the database's clock, which all
 * instances share: with their own clocks, one running a few minutes behind
 * would look stopped to the others (tests pass a `now` to move in time).
 */
export async function announceInstance(id: string, settings: InstanceSettings, at?: Date): Promise<string[]> {
  const now = at ?? (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`)[0].now;
  await db.$executeRaw`
    INSERT INTO server_instance (id, "secretCheck", "appUrl", "startedAt", "seenAt")
    VALUES (${id}, ${settings.secretCheck}, ${settings.appUrl}, ${now}, ${now})
    ON CONFLICT (id) DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;
  await db.$executeRaw`DELETE FROM server_instance WHERE "seenAt" < ${new Date(now.getTime() - FORGOTTEN_AFTER_MS)}`;
  const others = await db.$queryRaw<InstanceSettings[]>`
    SELECT DISTINCT "secretCheck", "appUrl" FROM server_instance
    WHERE id <> ${id} AND "seenAt" >= ${new Date(now.getTime() - RUNNING_WITHIN_MS)}`;
  return disagreements(settings, others);
}

function disagreements(own: InstanceSettings, others: InstanceSettings[]): string[] {
  const problems: string[] = [];
  if (others.some((other) => other.secretCheck !== own.secretCheck)) {
    problems.push(
      "Another Shipshape instance on this database has a different AUTH_SECRET. A session signed by one is refused by the other, " +
        "so people are signed out whenever the load balancer sends them to the other. Give every instance the same AUTH_SECRET.",
    );
  }
  const urls = [...new Set(others.map((other) => other.appUrl).filter((url) => url !== own.appUrl))];
  if (urls.length > 0) {
    problems.push(
      `Another Shipshape instance on this database has APP_URL ${urls.join(", ")} (this one: ${own.appUrl}). ` +
        "Invitation links and Secure cookies then depend on the instance that answers. Give every instance the same APP_URL.",
    );
  }
  return problems;
}

/** Announces this process at start-up and every minute; logs a disagreement when it appears (error) and when it ends (info). */
export function watchInstances(): void {
  const { AUTH_SECRET, APP_URL } = config();
  const id = randomUUID();
  const settings = { secretCheck: secretCheck(AUTH_SECRET), appUrl: APP_URL };
  let reported = new Set<string>();
  const check = () => {
    announceInstance(id, settings)
      .then(
        (problems) => {
          for (const problem of problems) if (!reported.has(problem)) logger.error({ instance: id }, problem);
          if (reported.size > 0 && problems.length === 0) logger.info({ instance: id }, "every Shipshape instance on this database now shares AUTH_SECRET and APP_URL");
          reported = new Set(problems);
        },
        // The database may be away for a while; readiness reports that.
        (error) => logger.warn({ err: error }, "could not compare settings with other instances"),
      )
      .finally(() => setTimeout(check, HEARTBEAT_MS).unref());
  };
  check();
}
