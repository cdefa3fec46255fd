// The one sentence an inbox entry, an e-mail subject or a chat message says
// of an event: who did what to what, where. Names and titles are people's
// own text, so they arrive stripped of controls: a direction override in a
// name would turn the rest of the line around, a newline would break it.

// C0 and C1 controls, and the marks, embeddings, overrides and isolates of text direction.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text as a summary quotes it: controls and direction marks removed,
 * whitespace collapsed, at most `max` code points (then "…"); "someone" when
 * nothing is left.
 */
export function plainText(text: string, max = 80): string {
  const plain = text.replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
  const points = Array.from(plain);
  if (points.length === 0) return "someone";
  return points.length <= max ? plain : `${points.slice(0, max - 1).join("").trimEnd()}…`;
}

const quoted = (title: string) => `“${plainText(title)}”`;

/** Where an item is, as a summary names it. */
export type Place = { projectName: string };

/** "Lena Lead assigned you “TLS everywhere” in Checkout API" or "… assigned you 5 items in Checkout API". */
export function assignedSummary(actor: string, items: readonly { title: string }[], place: Place): string {
  const what = items.length === 1 ? quoted(items[0].title) : `${items.length} items`;
  return `${plainText(actor)} assigned you ${what} in ${plainText(place.projectName)}`;
}

/** "Lena Lead handed you 3 items of Dana Lee in Checkout API": items of someone who left. */
export function handedOverSummary(actor: string, leaving: string, items: readonly { title: string }[], place: Place): string {
  const what = items.length === 1 ? quoted(items[0].title) : `${items.length} items`;
  return `${plainText(actor)} handed you ${what} of ${plainText(leaving)} in ${plainText(place.projectName)}`;
}

/** "Erin Engineer asked for a waiver on “TLS everywhere” in Checkout API". */
export const waiverRequestedSummary = (actor: string, item: { title: string }, place: Place): string =>
  `${plainText(actor)} asked for a waiver on ${quoted(item.title)} in ${plainText(place.projectName)}`;

/** "Lena Lead approved the waiver on “TLS everywhere” in Checkout API" (or rejected it). */
export const waiverDecidedSummary = (actor: string, decision: "APPROVED" | "REJECTED", item: { title: string }, place: Place): string =>
  `${plainText(actor)} ${decision === "APPROVED" ? "approved" : "rejected"} the waiver on ${quoted(item.title)} in ${plainText(place.projectName)}`;

/** "Erin Engineer mentioned you on “TLS everywhere” in Checkout API". */
export const mentionedSummary = (actor: string, item: { title: string }, place: Place): string =>
  `${plainText(actor)} mentioned you on ${quoted(item.title)} in ${plainText(place.projectName)}`;

/** "Erin Engineer commented on “TLS everywhere” in Checkout API". */
export const commentAddedSummary = (actor: string, item: { title: string }, place: Place): string =>
  `${plainText(actor)} commented on ${quoted(item.title)} in ${plainText(place.projectName)}`;

/** "Nora New accepted your invitation to Acme and joined as an engineer". */
export const invitationAcceptedSummary = (person: string, teamName: string, role: string): string =>
  `${plainText(person)} accepted your invitation to ${plainText(teamName)} and joined as ${/^[aeiou]/i.test(role) ? "an" : "a"} ${role.toLowerCase()}`;

/** The app's page of an item, of a project, of the members: where an entry leads. */
export const itemPath = (projectId: string, itemId: string) => `/projects/${projectId}/items/${itemId}`;
export const projectPath = (projectId: string) => `/projects/${projectId}`;
export const MEMBERS_PATH = "/members";
