import "server-only";
import { config } from "@/lib/server/kernel/config";
import { sendMail } from "@/lib/server/kernel/mailer";

/** Where a password reset link (e-mailed, or created by an admin) leads: Shipshape's own reset page. */
export const passwordResetLink = (token: string): string => new URL(`/reset-password/${encodeURIComponent(token)}`, config().APP_URL).toString();

/** E-mails a one-hour reset link; false when no mail could be sent (the sender is not told either way). */
export async function mailPasswordResetLink(email: string, token: string): Promise<boolean> {
  return sendMail({
    to: email,
    subject: "Reset your Shipshape password",
    text: [
      "Someone (hopefully you) asked to reset the password of your Shipshape account.",
      "",
      `Choose a new password: ${passwordResetLink(token)}`,
      "",
      "The link works once and for one hour. Setting a new password signs you out everywhere.",
      "If you did not ask for this, ignore this e-mail: your password stays as it is.",
    ].join("\n"),
  });
}
