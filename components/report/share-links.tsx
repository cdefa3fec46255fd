"use client";

import { useActionState, useTransition } from "react";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/server/actions/share-links";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Moment } from "@/components/time/moment";
import type { ShareLinkView } from "@/lib/server/services/share-links";

// Read-only links to this report (and its badge) for people without an account.
export function ShareLinks({ projectId, links }: { projectId: string; links: ShareLinkView[] }) {
  const [state, action, pending] = useActionState(createShareLinkAction, null);
  const [revoking, startTransition] = useTransition();
  const message = formError(state);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="projectId" value={projectId} />
        <div className="w-44">
          <TextField id="share-expires" name="expiresInDays" label="Expires in (days)" inputMode="numeric" placeholder="Never" defaultValue={state?.ok ? "" : previous(state, "expiresInDays")} errors={fieldErrors(state, "expiresInDays")} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create share link"}
        </Button>
      </form>
      {message && <Alert>{message}</Alert>}
      {state?.ok && (
        <>
          <OneTimeSecret
            title="Share link created."
            instruction="Anyone with this link can read this report, without signing in, until it expires or is revoked. It is shown only once."
            label="Share link"
            value={state.data.url}
            testId="share-link-url"
          />
          <OneTimeSecret title="README badge" instruction="Markdown for a live readiness badge:" label="Badge Markdown" value={`![Readiness](${state.data.badgeUrl})`} testId="share-badge-markdown" />
        </>
      )}
      {links.length > 0 && (
        <ul className="divide-y divide-slate-100" aria-label="Share links">
          {links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-center gap-3 py-2" data-share-state={link.state}>
              <div className="min-w-0 flex-1 text-sm">
                <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-600">{link.prefix}…</code>{" "}
                <span className="text-xs text-slate-500">
                  created <Moment iso={link.createdAt} /> by {link.createdBy} · {link.lastAccessedAt ? <>last opened <Moment iso={link.lastAccessedAt} /></> : "never opened"} ·{" "}
                  {link.expiresAt ? <>expires <Moment iso={link.expiresAt} /></> : "no expiry"}
                </span>
              </div>
              <Badge tone={link.state === "active" ? "emerald" : "slate"}>{link.state}</Badge>
              {link.state === "active" && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={revoking}
                  onClick={() => {
                    if (!window.confirm("Revoke this share link? People using it will no longer see the report.")) return;
                    startTransition(async () => void (await revokeShareLinkAction(link.id)));
                  }}
                >
                  Revoke<span className="sr-only"> share link {link.prefix}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
