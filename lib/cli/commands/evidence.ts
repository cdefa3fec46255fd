import { ITEM_STATUSES, type ItemStatus } from "@/lib/domain/readiness/vocabulary";
import type { ApiEvidence, ApiItem } from "@/lib/schemas/api-responses";
import { apiClientFromEnvironment, type ApiClient } from "@/lib/cli/api-client";
import { CliError, succeed, usageError, type Output } from "@/lib/cli/output";

type EvidenceOptions = { project?: string; item?: string; url?: string; status?: string; label?: string; kind?: string; "expires-at"?: string };

const ATTEMPTS = 3;

// The statuses evidence can move an item to. N/A is not one: it needs a
// reason, which this command has no place for.
const EVIDENCE_STATUSES = ITEM_STATUSES.filter((status) => status !== "NOT_APPLICABLE");

// Sets the status with the version just read; when someone else changes the
// item in between (409), reads it again and retries.
async function setStatus(api: ApiClient, itemPath: string, status: ItemStatus): Promise<{ item: ApiItem; previous: ItemStatus }> {
  for (let attempt = 1; ; attempt += 1) {
    const { data: item } = await api<ApiItem>("GET", itemPath);
    if (item.status === status) return { item, previous: item.status };
    try {
      const { data: updated } = await api<ApiItem>("PATCH", itemPath, { status, version: item.version });
      return { item: updated, previous: item.status };
    } catch (error) {
      if (!(error instanceof CliError) || error.body.code !== "CONFLICT" || attempt === ATTEMPTS) throw error;
    }
  }
}

export async function evidenceCommand(action: string | undefined, options: EvidenceOptions, output: Output) {
  if (action !== "add") throw usageError("evidence needs: add.");
  if (!options.project || !options.item || !options.url) throw usageError("evidence add needs --project, --item and --url.");
  const status = options.status?.toUpperCase();
  if (status && !(EVIDENCE_STATUSES as readonly string[]).includes(status)) {
    // Checked before anything is sent, so a refused command leaves no evidence behind.
    throw usageError(`--status must be one of ${EVIDENCE_STATUSES.join(", ")} (N/A needs a reason: set it in Shipshape or through the API).`);
  }
  const api = apiClientFromEnvironment();
  const itemPath = `/api/v1/projects/${encodeURIComponent(options.project)}/items/${encodeURIComponent(options.item)}`;

  const added = await api<ApiEvidence>("POST", `${itemPath}/evidence`, {
    url: options.url,
    ...(options.label ? { label: options.label } : {}),
    ...(options.kind ? { kind: options.kind.toUpperCase() } : {}),
    ...(options["expires-at"] ? { expiresAt: options["expires-at"] } : {}),
  });
  const created = added.status === 201;
  const lines = [`${created ? "Added" : "Already had"} evidence on ${options.item}: ${added.data.url}`];
  let item: ApiItem | undefined;
  if (status) {
    const result = await setStatus(api, itemPath, status as ItemStatus);
    item = result.item;
    lines.push(result.previous === status ? `Status was already ${status}.` : `Status: ${status} (was ${result.previous}).`);
  }
  succeed(output, { evidence: added.data, created, ...(item ? { item: { key: item.key, status: item.status, standing: item.standing, version: item.version } } : {}) }, lines);
}
