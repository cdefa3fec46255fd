// "Forgot password?" with mail configured: a real SMTP server (the
// smtp-server package) on loopback receives the e-mail, and the link in it
// sets the password once. Skipped, saying why, while smtp-server and
// mailparser are not installed.
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { person } from "../support/fixtures";

type Received = { to: string; text: string };
type SmtpServerModule = { SMTPServer: new (options: Record<string, unknown>) => { listen(port: number, host: string, done: () => void): void; close(done: () => void): void; server: { address(): AddressInfo } } };
type MailParserModule = { simpleParser(stream: NodeJS.ReadableStream): Promise<{ text?: string; to?: { text: string } | { text: string }[] }> };

// Named through a variable so that neither the type checker nor the bundler
// insists on packages this run may not have.
const optional = async <T,>(name: string): Promise<T | null> => {
  try {
    return (await import(/* @vite-ignore */ name)) as T;
  } catch {
    return null;
  }
};
const smtp = await optional<SmtpServerModule>("smtp-server");
const parser = await optional<MailParserModule>("mailparser");
const missing = !smtp || !parser;
if (missing) console.warn("password-reset-mail.test.ts skipped: install the dev packages smtp-server and mailparser to run it.");

async function mailbox() {
  const received: Received[] = [];
  const waiting: ((mail: Received) => void)[] = [];
  const server = new smtp!.SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream: NodeJS.ReadableStream, _session: unknown, done: () => void) {
      void parser!.simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
        const message = { to, text: mail.text ?? "" };
        received.push(message);
        waiting.shift()?.(message);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address();
  const next = () => new Promise<Received>((resolve) => waiting.push(resolve));
  return { port, received, next, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

describe.skipIf(missing)("a password reset by e-mail", () => {
  it("mails a one-time link to an existing account, answers the same for an unknown address, and throttles", async () => {
    const box = await mailbox();
    vi.resetModules();
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${box.port}`);
    vi.stubEnv("MAIL_FROM", "Shipshape <shipshape@example.com>");
    try {
      const { requestPasswordResetMail, resetPasswordWithToken } = await import("@/lib/server/identity/passwords");
      const { givePassword, signInHeaders } = await import("../support/built-in-accounts");
      const member = await person("Forgetful");
      await givePassword(member.userId, "an old password here");

      await expect(requestPasswordResetMail({ email: `nobody.${member.email}` }, { clientAddress: "192.0.2.50" })).resolves.toBeUndefined();
      const arriving = box.next();
      await expect(requestPasswordResetMail({ email: member.email.toUpperCase() }, { clientAddress: "192.0.2.50" })).resolves.toBeUndefined();
      const mail = await arriving;
      expect(mail.to).toContain(member.email);
      const link = /http:\/\/localhost:3000\/reset-password\/(\S+)/.exec(mail.text);
      expect(link).not.toBeNull();
      // Only the known address got mail.
      expect(box.received).toHaveLength(1);

      const token = decodeURIComponent(link![1]);
      await resetPasswordWithToken({ token, newPassword: "a brand new password", confirmPassword: "a brand new password" });
      expect(await signInHeaders(member.email, "a brand new password")).not.toBeNull();
      await expect(resetPasswordWithToken({ token, newPassword: "yet another password", confirmPassword: "yet another password" })).rejects.toMatchObject({ code: "CONFLICT" });

      // Three requests an hour per address, whoever asks (one was made above).
      await requestPasswordResetMail({ email: member.email }, { clientAddress: "192.0.2.51" });
      await requestPasswordResetMail({ email: member.email }, { clientAddress: "192.0.2.52" });
      await expect(requestPasswordResetMail({ email: member.email }, { clientAddress: "192.0.2.53" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
      await box.close();
    }
  });
});
