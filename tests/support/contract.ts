// The world of the REST API's contract tests (tests/integration/api-contract-*.test.ts):
// a team with an admin, a lead and an engineer, a catalogue project with the
// security and testing categories, and a write and a read token.
import { teamWith } from "./fixtures";
import { tokenFor } from "./api";
import { catalogueProject } from "./readiness";

export async function contractWorld() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER"], "Contract");
  const [admin, lead, engineer] = actors;
  const projectId = await catalogueProject(lead, ["security", "testing"], "Checkout API");
  const write = await tokenFor(admin, "write", "GitHub Actions");
  const read = await tokenFor(admin, "read", "Dashboard");
  return { teamId, admin, lead, engineer, projectId, write: write.secret, writeId: write.id, read: read.secret };
}
