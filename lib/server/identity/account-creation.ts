import "server-only";
import { normaliseEmail } from "@/lib/domain/invitations";
import { db } from "@/lib/server/kernel/db";

// Built-in accounts exist only for the person who ran the first-run setup and
// for people holding a pending invitation; there is no open sign-up.
export async function mayCreateAccount(email: string): Promise<boolean> {
  const address = normaliseEmail(email);
  const [installation, users, invitation] = await Promise.all([
    db.installation.findUnique({ where: { id: 1 } }),
    db.user.count(),
    db.invitation.findFirst({
      where: { email: address, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    }),
  ]);
  if (installation && users === 0 && installation.adminEmail === address) return true;
  return invitation !== null;
}
