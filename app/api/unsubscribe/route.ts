// One-click unsubscribe from notification e-mails (RFC 8058): mail clients
// POST `List-Unsubscribe=One-Click` to the link of the List-Unsubscribe
// header; people who open the link get a page asking them to confirm with a
// button, since a GET must change nothing (mail scanners follow links). The
// signed token is the proof: no session is needed.
import { unsubscribeWithToken } from "@/lib/server/services/notification-preferences";
import { AppError } from "@/lib/server/kernel/errors";
import { config } from "@/lib/server/kernel/config";
import { readUnsubscribeToken } from "@/lib/server/notifications/email/unsubscribe-token";
import { confirmPage, donePage, invalidPage } from "@/lib/server/notifications/email/unsubscribe-page";

export const dynamic = "force-dynamic";

const html = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
const INVALID = "This unsubscribe link is not valid: it may have been cut short or changed.";

export function GET(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const subject = token.length <= 2_000 ? readUnsubscribeToken(token) : null;
  if (!subject) return html(invalidPage(INVALID), 400);
  return html(confirmPage(subject.kinds, "this team", `/api/unsubscribe?token=${encodeURIComponent(token)}`));
}

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const { kinds, teamName } = await unsubscribeWithToken(token);
    return html(donePage(kinds, teamName, new URL("/account#notifications", config().APP_URL).toString()));
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return html(invalidPage(INVALID), 400);
    if (error instanceof AppError && error.code === "NOT_FOUND") return html(invalidPage(error.message), 404);
    throw error;
  }
}
