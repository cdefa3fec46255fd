// The one size limit of an uploaded or pasted document: a checklist to import
// (./import.ts) or a team template (./template.ts). The forms state it and
// check it before sending, so a larger file is refused with the text kept; the
// server checks it again, and Next's server-action body limit (next.config.js)
// leaves room above it so that the check here is what answers.
import { multilineString } from "./fields";

/** Bytes of UTF-8, as a file on disk counts them. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
export const MAX_DOCUMENT_SIZE = "1 MB";

export const documentBytes = (text: string) => new TextEncoder().encode(text).length;

/** Why a document is refused for its size, or null when it fits. */
export function documentTooLarge(text: string): string | null {
  const bytes = documentBytes(text);
  if (bytes <= MAX_DOCUMENT_BYTES) return null;
  return `The document is ${(bytes / 1_000_000).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_SIZE}. Split it, or remove what you do not need.`;
}

/** A document's text: multi-line, not blank, at most MAX_DOCUMENT_BYTES. */
export const documentText = (emptyMessage: string) =>
  multilineString({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    // Characters first: a cheap bound before the text is encoded to count bytes.
    .max(MAX_DOCUMENT_BYTES, `The document is larger than ${MAX_DOCUMENT_SIZE}.`)
    .superRefine((text, context) => {
      const tooLarge = documentTooLarge(text);
      if (tooLarge) context.addIssue({ code: "custom", message: tooLarge });
    });
