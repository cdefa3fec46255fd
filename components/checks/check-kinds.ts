import type { CheckKind } from "@/lib/schemas/check-settings";

// The kinds of check as people read them, on the Checks tab, the item page
// and the add-check form (whose fields per kind are in ./kinds).
export const CHECK_KIND_LABEL: Record<CheckKind, string> = {
  http: "HTTP endpoint",
  tls: "TLS certificate",
  dns: "DNS record",
  repository: "Repository files",
  reported: "Reported by CI",
  headers: "Security headers",
};

/** What each kind verifies, one sentence for the form. */
export const CHECK_KIND_DESCRIPTION: Record<CheckKind, string> = {
  http: "Requests an address and passes when the status, body and speed are as expected.",
  tls: "Connects to a host and passes while its certificate is trusted, current and far enough from expiry.",
  dns: "Looks up a record and passes when it exists (and, if given, holds the expected value).",
  repository: "Reads a git repository and passes when the listed files exist (and match their patterns).",
  reported: "Passes on the result a CI pipeline reports, while it is recent enough.",
  headers: "Grades an address's security headers as MDN's HTTP Observatory does and passes at the lowest score and with the required tests.",
};
