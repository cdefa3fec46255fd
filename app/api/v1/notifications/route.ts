import { apiNotificationListQuery } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { toApiSentNotification } from "@/lib/server/api/presenters";
import { queryOf } from "@/lib/server/api/request";
import { sentNotificationPage } from "@/lib/server/read-models/sent-notifications";

export const dynamic = "force-dynamic";

// What the team's notifications told whom: read like the activity log.
export const GET = apiEndpoint("activity.read", async ({ actor, request }) => {
  const page = await sentNotificationPage(actor, queryOf(request, apiNotificationListQuery));
  return json({ data: page.data.map(toApiSentNotification), nextCursor: page.nextCursor });
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
