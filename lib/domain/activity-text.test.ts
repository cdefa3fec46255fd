import { describe, expect, it } from "vitest";
import { describeActivity } from "./activity-text";

describe("activity text", () => {
  it("describes field changes with before and after in the product's words", () => {
    expect(
      describeActivity(
        { action: "item.updated", before: { status: "MISSING", ownerId: null, version: 1 }, after: { status: "DONE", ownerId: "u1", version: 2 } },
        { u1: "Ada" },
      ),
    ).toBe("set status to Done (was Missing), set owner to Ada (was none)");
    expect(describeActivity({ action: "item.updated", before: { notes: "" }, after: { notes: "long" } })).toBe("edited the notes");
  });

  it("describes evidence and waivers", () => {
    expect(describeActivity({ action: "evidence.added", before: null, after: { label: "PR #12" } })).toBe("added evidence “PR #12”");
    expect(describeActivity({ action: "waiver.approved", before: null, after: { note: "ok for beta" } })).toBe("approved the waiver: “ok for beta”");
    expect(describeActivity({ action: "project.created", before: null, after: { items: 96 } })).toBe("created the project with 96 items from the catalogue");
  });

  it("describes comments by their excerpt, and a moderator's deletion by whose comment it was", () => {
    expect(describeActivity({ action: "comment.added", before: null, after: { excerpt: "Looks good @Ada Lovelace", mentioned: 1 } })).toBe("commented: “Looks good @Ada Lovelace”");
    expect(describeActivity({ action: "comment.edited", before: { excerpt: "old" }, after: { excerpt: "new" } })).toBe("edited a comment: “new”");
    expect(describeActivity({ action: "comment.deleted", before: { excerpt: "oops", authorName: "Ada" }, after: { moderated: false } })).toBe("deleted their comment “oops”");
    expect(describeActivity({ action: "comment.deleted", before: { excerpt: "spam", authorName: "Eve" }, after: { moderated: true } })).toBe("deleted a comment by Eve: “spam”");
  });

  it("describes an edit of evidence field by field, and an undone removal", () => {
    expect(
      describeActivity({
        action: "evidence.updated",
        before: { label: "PR", kind: "LINK", expiresAt: null, standing: "DONE" },
        after: { label: "Rate limits PR", kind: "PULL_REQUEST", expiresAt: "2026-09-01", standing: "DONE" },
      }),
    ).toBe("edited evidence “Rate limits PR”: set the label to “Rate limits PR” (was “PR”), the kind to Pull request (was Link), the re-verify date to 2026-09-01 (was none)");
    expect(describeActivity({ action: "evidence.updated", before: { label: "Drill", expiresAt: "2026-09-01", standing: "DONE" }, after: { label: "Drill", expiresAt: "2020-01-01", standing: "STALE" } })).toBe(
      "edited evidence “Drill”: set the re-verify date to 2020-01-01 (was 2026-09-01) (the item went from Done to Stale)",
    );
    expect(describeActivity({ action: "evidence.restored", before: { standing: "NEEDS_EVIDENCE" }, after: { label: "PR #12", standing: "DONE" } })).toBe(
      "undid the removal of evidence “PR #12” (the item went from Needs evidence to Done)",
    );
  });

  it("describes an import, with the rows matched by meaning or by hand", () => {
    expect(describeActivity({ action: "project.imported", before: null, after: { source: "team.md", create: 5, update: 20 } })).toBe("imported “team.md”: 5 items created, 20 updated");
    expect(describeActivity({ action: "project.imported", before: null, after: { source: "team.md", create: 5, update: 20, byMeaning: 18, chosen: 2 } })).toBe(
      "imported “team.md”: 5 items created, 20 updated (18 matched by meaning, 2 matched by hand)",
    );
  });

  it("describes automated checks and what they saw", () => {
    expect(describeActivity({ action: "check.added", before: null, after: { kind: "http", target: "https://app.example.com/health", intervalMinutes: 15 } })).toBe(
      "added an http check of https://app.example.com/health, every 15 minutes",
    );
    expect(describeActivity({ action: "check.removed", before: { kind: "tls", target: "app.example.com:443" }, after: null })).toBe("removed the tls check of app.example.com:443");
    expect(describeActivity({ action: "check.passed", before: { state: "PENDING" }, after: { state: "PASSING", summary: "200 from /health in 12 ms" } })).toBe(
      "verified the item: “200 from /health in 12 ms”",
    );
    expect(describeActivity({ action: "check.passed", before: { state: "FAILING" }, after: { state: "PASSING", summary: "200" } })).toBe("saw the check pass again: “200”");
    expect(describeActivity({ action: "check.failed", before: { state: "PASSING" }, after: { state: "FAILING", summary: "503 from /health", consecutiveFailures: 2 } })).toBe(
      "saw the check fail twice in a row: “503 from /health”",
    );
    expect(describeActivity({ action: "check.reported", before: null, after: { passed: true, summary: "412 tests" } })).toBe("reported that the check passed: “412 tests”");
    expect(describeActivity({ action: "check.reported", before: null, after: { passed: false } })).toBe("reported that the check failed");
    expect(describeActivity({ action: "check.failed", before: { state: "PENDING" }, after: { state: "FAILING", summary: "503", consecutiveFailures: 1 } })).toBe("saw the check fail: “503”");
  });

  it("describes API token changes", () => {
    expect(describeActivity({ action: "apiToken.created", before: null, after: { name: "CI", scope: "write" } })).toBe("created the write API token “CI”");
    expect(describeActivity({ action: "apiToken.revoked", before: { name: "CI" }, after: null })).toBe("revoked the API token “CI”");
    expect(describeActivity({ action: "repositoryToken.stored", before: null, after: { host: "github.com", last4: "wxyz" } })).toBe("stored the read token for github.com (ending wxyz)");
    expect(describeActivity({ action: "repositoryToken.stored", before: { host: "github.com" }, after: { host: "github.com", last4: null } })).toBe("replaced the read token for github.com");
    expect(describeActivity({ action: "repositoryToken.removed", before: { host: "github.com" }, after: null })).toBe("removed the read token for github.com");
    expect(describeActivity({ action: "webhook.created", before: null, after: { format: "SLACK", url: "https://hooks.slack.com/…x9Qa", project: "Checkout" } })).toBe(
      "added the Slack destination https://hooks.slack.com/…x9Qa for Checkout",
    );
    expect(describeActivity({ action: "webhook.deleted", before: { format: "JSON", url: "https://ci.example.com/…hook" }, after: null })).toBe("removed the JSON (signed) destination https://ci.example.com/…hook");
  });

  it("describes a hand-over with both people's names, which outlive the membership", () => {
    const before = { ownerId: "u1", ownerName: "Erin", version: 3 };
    expect(describeActivity({ action: "item.handedOver", before, after: { ownerId: "u2", ownerName: "Sam", version: 4, because: "member.removed" } })).toBe(
      "handed the item over from Erin to Sam (Erin left the team)",
    );
    expect(describeActivity({ action: "item.handedOver", before, after: { ownerId: null, ownerName: null, version: 4, because: "account.deleted" } })).toBe(
      "left the item unassigned (Erin deleted their account)",
    );
    expect(
      describeActivity({ action: "member.removed", before: { name: "Erin", role: "ENGINEER" }, after: { successorName: "Sam", handedOver: 3, unassigned: 1 } }),
    ).toBe("removed Erin from the team: 3 items handed over to Sam, 1 item left unassigned");
    expect(describeActivity({ action: "account.deleted", before: { name: "Erin" }, after: { successorName: null, handedOver: 0, unassigned: 0 } })).toBe(
      "deleted their account and left the team",
    );
  });

  it("describes milestones", () => {
    expect(describeActivity({ action: "milestone.created", before: null, after: { name: "Beta review", readinessPercent: 48, level: 0 } })).toBe("saved the milestone “Beta review” at 48%");
    expect(describeActivity({ action: "milestone.deleted", before: { name: "Beta review" }, after: null })).toBe("deleted the milestone “Beta review”");
  });

  it("describes a bulk edit: how many items, the change, and the ones left as they were", () => {
    const bulk = (after: Record<string, unknown>, names: Record<string, string> = {}) => describeActivity({ action: "item.bulkUpdated", before: null, after }, names);
    expect(bulk({ count: 12, changes: { status: "NOT_APPLICABLE", notApplicableReason: "not a public service" }, refused: ["ops.pager", "ops.runbook", "ops.status-page"] })).toBe(
      "set 12 items to N/A: “not a public service”; 3 left as they were (ops.pager, ops.runbook, ops.status-page)",
    );
    expect(bulk({ count: 4, changes: { status: "DONE", priority: "HIGH" }, refused: ["a", "b", "c", "d", "e"] })).toBe(
      "set 4 items to Done, with priority High; 5 left as they were (a, b, c and 2 more)",
    );
    expect(bulk({ count: 1, changes: { priority: "LOW", dueDate: "2027-03-01" }, refused: [] })).toBe("set priority to Low and due date to 2027-03-01 on 1 item");
    expect(bulk({ count: 3, changes: { ownerId: "u1" }, ownerName: "Ada (left)", refused: ["x"] }, { u1: "Ada" })).toBe("set owner to Ada on 3 items; 1 left as it was (x)");
    expect(bulk({ count: 3, changes: { ownerId: "u1" }, ownerName: "Ada Lovelace", refused: [] })).toBe("set owner to Ada Lovelace on 3 items");
    expect(bulk({ count: 2, changes: { ownerId: null }, refused: [] })).toBe("set owner to none on 2 items");
  });
});
