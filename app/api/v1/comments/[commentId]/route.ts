import { apiCommentBody, commentPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { toApiComment } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { deleteComment, editComment } from "@/lib/server/services/comments";

export const dynamic = "force-dynamic";

// A token is not a person: it edits and deletes only the comments it posted
// itself (the service checks which), and moderates nobody's.
export const PATCH = apiEndpoint("comment.editOwn", async ({ actor, request, params }) => {
  const { commentId } = pathOf(params, commentPath, "Comment");
  const { comment } = await editComment(actor, { commentId, ...(await jsonBody(request, apiCommentBody)) });
  return json(toApiComment(comment));
});

export const DELETE = apiEndpoint("comment.deleteOwn", async ({ actor, params }) => {
  await deleteComment(actor, pathOf(params, commentPath, "Comment"));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = methodNotAllowed("PATCH", "DELETE");
export const PUT = methodNotAllowed("PATCH", "DELETE");
