// The small pages of the unsubscribe link: a confirmation with a button (a
// GET changes nothing, as mail scanners follow links), and the outcome.
// Plain HTML with no script or style, so it needs no session and no nonce.
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from "@/lib/domain/notifications/kinds";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Shipshape</title></head>\n<body><main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main></body></html>\n`;

const kindList = (kinds: readonly NotificationKind[]) => `<ul>${kinds.map((kind) => `<li>${escapeHtml(NOTIFICATION_KIND_LABEL[kind])}</li>`).join("")}</ul>`;

/** Asks to confirm; the button posts to `action` (the same link). */
export const confirmPage = (kinds: readonly NotificationKind[], teamLabel: string, action: string) =>
  page(
    "Stop these e-mails?",
    `<p>You will no longer receive e-mails about the following in ${escapeHtml(teamLabel)}:</p>\n${kindList(kinds)}\n<form method="post" action="${escapeHtml(action)}"><button type="submit">Stop these e-mails</button></form>\n<p>You can change this at any time on your account page, under E-mail notifications.</p>`,
  );

export const donePage = (kinds: readonly NotificationKind[], teamName: string, settingsUrl: string) =>
  page(
    "You are unsubscribed",
    `<p>You will no longer receive e-mails about the following in ${escapeHtml(teamName)}:</p>\n${kindList(kinds)}\n<p>They still appear in your inbox in Shipshape. <a href="${escapeHtml(settingsUrl)}">Change your e-mail settings</a>.</p>`,
  );

export const invalidPage = (message: string) => page("This link does not work", `<p>${escapeHtml(message)}</p>\n<p>Sign in to Shipshape and choose your e-mail settings on your account page.</p>`);
