import { z } from "zod";
import { EVIDENCE_KINDS, type EvidenceKind } from "@/lib/domain/readiness/vocabulary";
import { calendarDay, id, linkUrlWithoutCredentials, optionalCalendarDay, optionalText, plainString } from "./fields";
import { itemReference, NAMES_AN_ITEM } from "./item";

const repositoryPath = plainString()
  .trim()
  .min(1, "Enter a path in the repository.")
  .max(500, "Use at most 500 characters.")
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value), "Enter a path such as src/server/rate-limit.ts, not a URL.");

/** Is evidence of this kind a link (stored as `url`)? FILE_PATH is a path, NOTE has no target. */
export const isLinkKind = (kind: string) => kind !== "FILE_PATH" && kind !== "NOTE";

// Evidence is shown to everyone who reads the project, on share links and in
// reports too: a link with a user name or password in it would publish them.
const evidenceLink = linkUrlWithoutCredentials("Leave the user name and password out of the link: everyone who can read the project sees it.");

export type TargetCheck = { ok: true; target: string } | { ok: false; message: string };

/**
 * The rule for what a piece of evidence points at, by kind: a link must be
 * http(s) (a host typed without a scheme gets https://), a FILE_PATH is a
 * path in the repository, a NOTE's text is its label (`label`); a link
 * carries no user name or password. Returns the
 * target as stored, or the message for the field that holds it. Adding and
 * editing evidence both judge by this, so changing a kind re-applies it.
 */
export function checkEvidenceTarget(kind: EvidenceKind, target: string, label: string): TargetCheck {
  if (kind === "NOTE") return label || target ? { ok: true, target } : { ok: false, message: "Write the note." };
  const result = (kind === "FILE_PATH" ? repositoryPath : evidenceLink).safeParse(target);
  return result.success ? { ok: true, target: result.data } : { ok: false, message: result.error.issues[0].message };
}

// The item by id (the app) or by project and key (the API). A FILE_PATH names
// a file in the repository; a NOTE needs no target; every other kind is a
// link and must be http(s). The app's form sends the link, path or note as
// `target`; the API sends a link as `url`, and its errors are named so.
export const addEvidenceInput = z
  .object({
    ...itemReference,
    kind: z.enum(EVIDENCE_KINDS, { error: "Choose what kind of evidence this is." }),
    target: optionalText(2000),
    url: plainString().trim().max(2000, "Use at most 2000 characters.").optional(),
    label: optionalText(200),
    expiresAt: optionalCalendarDay,
  })
  .refine(...NAMES_AN_ITEM)
  .superRefine(({ url, target, ...input }, context) => {
    const field = url === undefined ? "target" : "url";
    if (field === "url" && !isLinkKind(input.kind)) {
      context.addIssue({ code: "custom", path: ["url"], message: "Only links have a URL: send a path or a note as target." });
      return;
    }
    const checked = checkEvidenceTarget(input.kind, url ?? target, input.label);
    if (!checked.ok) context.addIssue({ code: "custom", path: [input.kind === "NOTE" ? "label" : field], message: checked.message });
  })
  // Checked above: here only the link's normal form (https:// added) is taken.
  .transform(({ url, target, ...input }) => {
    const checked = checkEvidenceTarget(input.kind, url ?? target, input.label);
    return { ...input, target: checked.ok ? checked.target : (url ?? target) };
  });

// "Leave as it is" (absent) differs from "no re-verify date" (null, or blank
// from a form).
const expiryChange = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  calendarDay.nullable().optional(),
);

// People may not make evidence look like a check's result, nor edit one.
const PERSONAL_KINDS = EVIDENCE_KINDS.filter((kind) => kind !== "CHECK_RESULT") as Exclude<EvidenceKind, "CHECK_RESULT">[];

/**
 * Edits a piece of evidence: its kind, what it points at, its label and its
 * re-verify date; absent fields stay as they are. The app's form sends every
 * field (the link, path or note as `target`, a blank date for none); the API
 * sends a link as `url` or a path as `path`. The target is checked against
 * the resulting kind in the service, which knows the stored one.
 */
export const updateEvidenceInput = z
  .object({
    evidenceId: id,
    ...itemReference,
    kind: z.enum(PERSONAL_KINDS, { error: "Choose what kind of evidence this is; check results are written by checks." }).optional(),
    target: plainString().trim().max(2000, "Use at most 2000 characters.").optional(),
    url: plainString().trim().max(2000, "Use at most 2000 characters.").optional(),
    path: plainString().trim().max(500, "Use at most 500 characters.").optional(),
    label: plainString().trim().max(200, "Use at most 200 characters.").optional(),
    expiresAt: expiryChange,
  })
  .transform(({ url, path, target, ...input }, context) => {
    const given = [["target", target], ["url", url], ["path", path]].filter(([, value]) => value !== undefined) as [string, string][];
    if (given.length > 1) {
      context.addIssue({ code: "custom", path: [given[1][0]], message: "Send one of target, url or path." });
      return z.NEVER;
    }
    const [targetField, newTarget] = given[0] ?? ["target", undefined];
    return { ...input, target: newTarget, targetField };
  });

// The evidence, and optionally its item (by id, or by project and key), which
// it must then belong to: the API names both.
export const removeEvidenceInput = z.object({ evidenceId: id, ...itemReference });

/** Puts back evidence its remover removed moments ago (the undo of a removal). */
export const restoreEvidenceInput = z.object({ evidenceId: id });
