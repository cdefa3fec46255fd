// How long an invitation link stays valid, and the rules of the last admin.
const INVITATION_TTL_DAYS = 7;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
