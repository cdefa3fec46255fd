import { slugify } from "@/lib/domain/slug";
import { errorResponse } from "@/lib/server/api/handler";
import { checklistDownload } from "@/lib/server/report/checklist-download";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadTemplateDocument } from "@/lib/server/services/templates";

export const dynamic = "force-dynamic";

// A template (the team's or the built-in catalogue) as a YAML checklist.
export async function GET(request: Request, { params }: { params: Promise<{ templateId: string }> }) {
  const actor = await requireActor("project.read");
  const { templateId } = await params;
  try {
    const document = await loadTemplateDocument(actor, templateId);
    return checklistDownload(document, `${slugify(document.name, "template")}.yaml`);
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
