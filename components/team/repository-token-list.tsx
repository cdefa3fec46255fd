"use client";

import { useTransition } from "react";
import { removeRepositoryTokenAction } from "@/lib/server/actions/repository-tokens";
import { Button } from "@/components/ui/button";
import { Moment } from "@/components/time/moment";
import type { RepositoryTokenView } from "@/lib/server/services/repository-tokens";

export function RepositoryTokenList({ tokens }: { tokens: RepositoryTokenView[] }) {
  const [pending, startTransition] = useTransition();
  if (tokens.length === 0) return <p className="text-sm text-slate-500">No read tokens yet: repository checks clone without one.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Read tokens for repository checks">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-center gap-3 py-3">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">
              {token.host}{" "}
              <code className="ml-1 rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-600">
                {token.username}:{token.last4 ? `…${token.last4}` : "••••"}
              </code>
            </p>
            <p className="text-xs text-slate-500">
              Stored <Moment iso={token.storedAt} /> by {token.createdBy}
            </p>
          </div>
          <Button
            variant="ghost"
            size="sm"
            disabled={pending}
            onClick={() => {
              // Checks of private repositories on this host fail from the next run.
              if (!window.confirm(`Remove the read token for ${token.host}? Repository checks there will clone without it.`)) return;
              startTransition(async () => void (await removeRepositoryTokenAction(token.id)));
            }}
          >
            Remove<span className="sr-only"> read token for {token.host}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
