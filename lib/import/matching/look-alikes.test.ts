// Rows of realistic team documents against the whole built-in catalogue.
// First, look-alikes that were once pre-accepted (≥ ACCEPT_FROM), so that an
// import without a close look changed the status of an item the row is not
// about. Then rows a reader matches at a glance, at least as a suggestion.
import { describe, expect, it } from "vitest";
import { ACCEPT_FROM, PROPOSE_FROM } from "@/lib/domain/match-confidence";
import { catalogueCandidates } from "@/tests/support/catalogue-candidates";
import { matchByMeaning } from "./match";

const catalogue = catalogueCandidates;
const one = (title: string, category: string) => matchByMeaning([{ row: 1, title, category }], catalogue)[0];

describe("look-alikes are never pre-accepted", () => {
  // [row title, its category in the document, the item it is wrongly matched to]
  it.each([
    ["Staging data anonymised", "Ops", "environments.staging"],
    ["Health check of the SEO", "Data", "infrastructure.health-checks"],
    ["SEO health check", "Misc", "infrastructure.health-checks"],
    ["Sales dashboard", "Misc", "monitoring.metrics"],
    ["Metrics for the marketing funnel", "Misc", "monitoring.metrics"],
    ["Marketing dashboards in Looker", "Product", "monitoring.metrics"],
    ["Tracing paper for the workshop", "Misc", "monitoring.tracing"],
  ])("does not pre-accept “%s” (%s) as %s", (title, category, wrong) => {
    const match = one(title, category);
    expect(match?.itemId === wrong && match.confidence >= ACCEPT_FROM ? `${wrong} at ${match.confidence}` : "not pre-accepted").toBe("not pre-accepted");
  });
});

describe("rows a reader matches at a glance", () => {
  it.each([
    ["Statuspage.io", "Tools", "operations.status-page"],
    ["LaunchDarkly", "Tools", "operations.feature-flags"],
    ["Secrets dans Vault", "Sécurité", "security.secrets"],
  ])("at least suggests an item for “%s” (%s): %s", (title, category, expected) => {
    const match = one(title, category);
    expect(match && match.confidence >= PROPOSE_FROM ? match.itemId : "nothing").toBe(expected);
  });
});
