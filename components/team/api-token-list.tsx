"use client";

import { useTransition } from "react";
import { revokeApiTokenAction } from "@/lib/server/actions/api-tokens";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Moment } from "@/components/time/moment";
import type { ApiTokenState } from "@/lib/domain/api-tokens";
import type { ApiTokenView } from "@/lib/server/services/api-tokens";

const STATE_TONE: Record<ApiTokenState, BadgeTone> = { active: "emerald", expired: "amber", revoked: "slate" };

export function ApiTokenList({ tokens }: { tokens: ApiTokenView[] }) {
  const [pending, startTransition] = useTransition();
  if (tokens.length === 0) return <p className="text-sm text-slate-500">No tokens yet.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="API tokens">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-center gap-3 py-3" data-token-state={token.state}>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">
              {token.name} <code className="ml-1 rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-600">{token.prefix}…</code>
            </p>
            <p className="text-xs text-slate-500">
              Created <Moment iso={token.createdAt} /> by {token.createdBy} ·{" "}
              {token.lastUsedAt ? <>last used <Moment iso={token.lastUsedAt} /></> : "never used"} ·{" "}
              {token.revokedAt ? <>revoked <Moment iso={token.revokedAt} /></> : token.expiresAt ? <>expires <Moment iso={token.expiresAt} /></> : "does not expire"}
            </p>
          </div>
          <Badge tone={token.scope === "write" ? "violet" : "sky"}>{token.scope}</Badge>
          <Badge tone={STATE_TONE[token.state]}>{token.state}</Badge>
          {token.state === "active" && (
            <Button
              variant="ghost"
              size="sm"
              disabled={pending}
              onClick={() => {
                // Scripts using the token stop working at once; there is no undo.
                if (!window.confirm(`Revoke “${token.name}”? Scripts using it will be refused from now on.`)) return;
                startTransition(async () => void (await revokeApiTokenAction(token.id)));
              }}
            >
              Revoke<span className="sr-only"> token {token.name}</span>
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
