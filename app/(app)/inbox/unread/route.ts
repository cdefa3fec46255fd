import { errorResponse, json } from "@/lib/server/api/handler";
import { currentMember } from "@/lib/server/access/current-actor";
import { AppError } from "@/lib/server/kernel/errors";
import { unreadNotificationCount } from "@/lib/server/read-models/inbox";

export const dynamic = "force-dynamic";

// The header bell's count, `{ unread }`, for the signed-in person in their
// current team (one indexed count). The bell sits in the layout, which a
// navigation inside the app does not render again, so it asks for its count
// after each one. Not signed in, or in no team: 401.
export async function GET(request: Request) {
  try {
    const actor = await currentMember();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to see your notifications.");
    return json({ unread: await unreadNotificationCount(actor) });
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
