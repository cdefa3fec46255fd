import { slugify } from "@/lib/domain/slug";
import { errorResponse } from "@/lib/server/api/handler";
import { checklistDownload } from "@/lib/server/report/checklist-download";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadChecklistDocument } from "@/lib/server/read-models/checklist-document";

export const dynamic = "force-dynamic";

// The project as a YAML checklist (docs/checklist-yaml.md), for the signed-in team member.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor("project.read");
  const { projectId } = await params;
  try {
    const document = await loadChecklistDocument(actor, projectId);
    return checklistDownload(document, `${slugify(document.name, "project")}-checklist.yaml`);
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
