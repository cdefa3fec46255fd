// An e-mail of notifications, in plain text and in simple accessible HTML
// (headings, lists, links that say where they lead, no images), with a
// one-click unsubscribe (RFC 8058) for the kinds it carries.
import type { MailCadence } from "@/lib/domain/notifications/email-plan";
import { NOTIFICATION_KIND_LABEL, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/notifications/kinds";

export type MailEntry = { kind: NotificationKind; title: string; link: string; createdAt: Date };

export type MailInput = {
  cadence: MailCadence;
  appUrl: string;
  recipient: { name: string; email: string };
  team: { name: string; timeZone: string };
  entries: readonly MailEntry[];
  /** The one-click unsubscribe link for the given kinds (one kind, or all the message carries). */
  unsubscribeUrl: (kinds: NotificationKind[]) => string;
};

export type RenderedMail = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** An absolute link into the app for a stored path; the inbox for anything that is not a plain path. */
export function appLink(path: string, appUrl: string): string {
  const safe = path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : "/inbox";
  return new URL(safe, appUrl).toString();
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function subjectOf(input: MailInput): string {
  const count = plural(input.entries.length, "notification");
  if (input.cadence === "daily") return `Daily digest: ${count} in ${input.team.name}`;
  if (input.cadence === "weekly") return `Weekly digest: ${count} in ${input.team.name}`;
  const only = input.entries.length === 1 ? `: ${input.entries[0].title}` : "";
  return `${count} in ${input.team.name}${only}`;
}

function introOf(input: MailInput): string {
  const count = plural(input.entries.length, "notification");
  if (input.cadence === "daily") return `${count} in ${input.team.name} since your last daily digest.`;
  if (input.cadence === "weekly") return `${count} in ${input.team.name} since your last weekly digest.`;
  return `${count} in ${input.team.name}.`;
}

/** The message, its entries grouped by kind in the order settings list kinds, each with its time in the team's zone. */
export function renderNotificationMail(input: MailInput): RenderedMail {
  const when = new Intl.DateTimeFormat("en-GB", { timeZone: input.team.timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const kinds = NOTIFICATION_KINDS.filter((kind) => input.entries.some((entry) => entry.kind === kind));
  const groups = kinds.map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_LABEL[kind],
    entries: input.entries.filter((entry) => entry.kind === kind).map((entry) => ({ ...entry, url: appLink(entry.link, input.appUrl), at: when.format(entry.createdAt) })),
  }));
  const inbox = appLink("/inbox", input.appUrl);
  const settings = appLink("/account#notifications", input.appUrl);
  const digest = input.cadence !== "immediate";
  const why = digest ? `You receive this ${input.cadence} digest` : "You receive this e-mail";
  const readNote = "Notifications you had already read in your inbox are left out.";
  const subject = subjectOf(input);

  const text = [
    `Hello ${input.recipient.name},`,
    "",
    introOf(input),
    ...groups.flatMap((group) => ["", group.label, ...group.entries.flatMap((entry) => [`- ${entry.title} (${entry.at})`, `  ${entry.url}`])]),
    "",
    `Open your inbox: ${inbox}`,
    "",
    "-- ",
    `${why} because of your notification settings in ${input.team.name}: ${settings}`,
    ...(digest ? [readNote] : []),
    ...groups.map((group) => `Stop e-mails for “${group.label}”: ${input.unsubscribeUrl([group.kind])}`),
    "",
  ].join("\n");

  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1e293b;">',
    `<h1 style="font-size: 1.25em;">${escapeHtml(introOf(input))}</h1>`,
    `<p>Hello ${escapeHtml(input.recipient.name)},</p>`,
    ...groups.flatMap((group) => [
      `<h2 style="font-size: 1.05em;">${escapeHtml(group.label)}</h2>`,
      "<ul>",
      ...group.entries.map((entry) => `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title)}</a> <span>(${escapeHtml(entry.at)})</span></li>`),
      "</ul>",
    ]),
    `<p><a href="${escapeHtml(inbox)}">Open your inbox in Shipshape</a></p>`,
    '<footer style="font-size: 0.875em; color: #475569;">',
    `<p>${escapeHtml(why)} because of your <a href="${escapeHtml(settings)}">notification settings in ${escapeHtml(input.team.name)}</a>.${digest ? ` ${escapeHtml(readNote)}` : ""}</p>`,
    "<ul>",
    ...groups.map((group) => `<li><a href="${escapeHtml(input.unsubscribeUrl([group.kind]))}">Stop e-mails for “${escapeHtml(group.label)}”</a></li>`),
    "</ul>",
    "</footer>",
    "</body></html>",
  ].join("\n");

  return {
    to: input.recipient.email,
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeUrl(kinds)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}
