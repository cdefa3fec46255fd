import { slugify } from "@/lib/domain/slug";
import { checklistYaml } from "@/lib/import/yaml-checklist";
import { errorResponse } from "@/lib/server/api/handler";
import { requireActor } from "@/lib/server/auth/current-actor";
import { loadChecklistDocument } from "@/lib/server/read-models/checklist-document";

export const dynamic = "force-dynamic";

// The project as a YAML checklist (docs/checklist-yaml.md), for the signed-in team member.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor("project.read");
  const { projectId } = await params;
  try {
    const document = await loadChecklistDocument(actor, projectId);
    return new Response(checklistYaml(document), {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${slugify(document.name, "project")}-checklist.yaml"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
