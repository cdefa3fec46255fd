import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/server/kernel/config";
import { logger } from "@/lib/server/kernel/logger";

// Sends mail only when SMTP_URL is configured; otherwise people copy the
// invitation link by hand, and nothing tries the network.
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM, mailEnabled } = config();
  if (!mailEnabled || !SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, ...message });
    return true;
  } catch (error) {
    logger.warn({ err: error, to: message.to }, "mail could not be sent");
    return false;
  }
}
