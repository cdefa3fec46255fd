import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

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

