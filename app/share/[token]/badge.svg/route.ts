import { readinessBadge } from "@/lib/domain/report/badge";
import { shareLinkReader } from "@/lib/server/access/share-link-access";
import { loadProjectScore } from "@/lib/server/read-models/project-score";

export const dynamic = "force-dynamic";

const SVG = "image/svg+xml; charset=utf-8";

// The project's readiness as an SVG badge for README files. Image proxies
// (GitHub's camo) may keep it for five minutes; an unknown, revoked or
// expired link gets a grey "unknown" badge and 404, never another project.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reader = await shareLinkReader(token);
  if (!reader) {
    return new Response(readinessBadge(null), { status: 404, headers: { "content-type": SVG, "cache-control": "no-store" } });
  }
  const { readiness } = await loadProjectScore(reader, reader.projectId);
  return new Response(readinessBadge({ percent: readiness.percent, level: readiness.level }), {
    headers: { "content-type": SVG, "cache-control": "public, max-age=300, s-maxage=300", "x-content-type-options": "nosniff" },
  });
}
