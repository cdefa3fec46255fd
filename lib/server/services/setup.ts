import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/kernel/db";
import { hashPassword } from "better-auth/crypto";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/time-zone";
import { setupInput } from "@/lib/schemas/auth";
import { createTeam } from "./teams";

export async function isSetupOpen(): Promise<boolean> {
  return (await db.installation.count({ where: { id: 1 } })) === 0;
}

// Claims the installation for the first administrator. Exactly one caller can
// win (primary key id = 1); every later attempt finds setup closed for good.
export async function claimInstallation(adminEmail: string): Promise<void> {
  try {
    await db.installation.create({ data: { id: 1, adminEmail } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw setupClosed();
    throw error;
  }
}

// Rolls a claim back when the first account could not be created, so that
// setup can be tried again.
export async function releaseInstallation(adminEmail: string): Promise<void> {
  if ((await db.user.count()) === 0) await db.installation.deleteMany({ where: { id: 1, adminEmail } });
}

export const setupClosed = () => new AppError("CONFLICT", "Shipshape is already set up. Sign in instead.");


// First-run setup without a browser (the `shipshape setup` command): the
// first administrator, with a built-in account, and their team, exactly as
// the setup page makes them. Refused once Shipshape is set up.
export async function setUpFromCommandLine(input: unknown): Promise<{ user: { id: string; email: string }; team: { id: string; slug: string; timeZone: string } }> {
  const { name, email, password, teamName, timeZone = DEFAULT_TIME_ZONE } = parseInput(setupInput, input);
  await claimInstallation(email);
  let user: { id: string; name: string; email: string };
  try {
    const passwordHash = await hashPassword(password);
    user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name, email }, select: { id: true, name: true, email: true } });
      // The account better-auth's email sign-in looks for.
      await tx.account.create({ data: { userId: created.id, providerId: "credential", accountId: created.id, password: passwordHash } });
      return created;
    });
  } catch (error) {
    await releaseInstallation(email);
    throw error;
  }
  const team = await createTeam({ userId: user.id, name: user.name, email: user.email }, { name: teamName, timeZone });
  return { user: { id: user.id, email: user.email }, team: { id: team.teamId, slug: team.slug, timeZone } };
}
