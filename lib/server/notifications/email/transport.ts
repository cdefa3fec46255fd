import "server-only";
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { config } from "@/lib/server/kernel/config";
import type { RenderedMail } from "./render";

// Hands notification e-mails to the SMTP server of SMTP_URL. Unlike the
// kernel's sendMail it throws, so the job can tell a refusal before the
// message was handed over (tried again) from one after it (never resent).

/** Sends one message under its delivery key; throws what nodemailer throws. */
export type MailTransport = { send: (key: string, mail: RenderedMail) => Promise<void>; close: () => void };

/** A Message-ID derived from the delivery key: the mail server's log shows whether a message whose outcome we lost arrived. */
export const messageIdFor = (key: string, appUrl: string) => `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@${new URL(appUrl).hostname || "shipshape"}>`;

/** A transport on SMTP_URL, or null when no mail server is configured. */
export function smtpTransport(): MailTransport | null {
  const { SMTP_URL, MAIL_FROM, APP_URL, mailEnabled } = config();
  if (!mailEnabled || !SMTP_URL) return null;
  // Short timeouts: a claim is only judged abandoned long after a live sender has given up.
  const transporter = nodemailer.createTransport(SMTP_URL, { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    send: async (key, mail) => {
      await transporter.sendMail({ from: MAIL_FROM, messageId: messageIdFor(key, APP_URL), ...mail });
    },
    close: () => transporter.close(),
  };
}

// Errors nodemailer raises before any of the message was handed over: the
// connection, the greeting, authentication, or the envelope was refused.
const BEFORE_DATA_CODES = new Set(["ECONNECTION", "EDNS", "EAUTH", "EENVELOPE"]);
const BEFORE_DATA_COMMANDS = new Set(["CONN", "EHLO", "HELO", "LHLO", "AUTH PLAIN", "AUTH LOGIN", "MAIL FROM", "RCPT TO"]);

/** Whether `error` proves the message was not handed to the mail server (so sending it again cannot make a duplicate). */
export function refusedBeforeHandOver(error: unknown): boolean {
  const { code, command } = (error ?? {}) as { code?: unknown; command?: unknown };
  return (typeof code === "string" && BEFORE_DATA_CODES.has(code)) || (typeof command === "string" && BEFORE_DATA_COMMANDS.has(command));
}
