import { apiCommentBody, itemPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { toApiComment } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { addComment, listComments } from "@/lib/server/services/comments";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const { comments } = await listComments(actor, { projectId, key });
  return json({ data: comments.map(toApiComment) });
});

// 201 with the comment as stored: mentions resolved, posted under the token's name.
export const POST = apiEndpoint("comment.create", async ({ actor, request, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const { comment } = await addComment(actor, { projectId, key, ...(await jsonBody(request, apiCommentBody)) });
  return json(toApiComment(comment), 201);
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
