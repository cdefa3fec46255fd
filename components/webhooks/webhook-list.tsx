"use client";

import { useState, useTransition } from "react";
import { Moment } from "@/components/time/moment";
import { Button } from "@/components/ui/button";
import { NOTIFICATION_KIND_LABEL } from "@/lib/domain/notifications/kinds";
import { WEBHOOK_DELIVERY_STATUS_LABEL, WEBHOOK_FORMAT_LABEL } from "@/lib/domain/notifications/webhook-destinations";
import { deleteWebhookAction, testWebhookAction } from "@/lib/server/actions/webhooks";
import type { WebhookDeliveryView, WebhookView } from "@/lib/server/services/webhooks";

const kindLabel = (kind: WebhookDeliveryView["kind"]) => (kind === "TEST" ? "Test message" : NOTIFICATION_KIND_LABEL[kind]);

/** The destinations that hear of a project, each with its last deliveries, a test and a removal. */
export function WebhookList({ webhooks }: { webhooks: WebhookView[] }) {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<string | null>(null);
  if (webhooks.length === 0) return <p className="text-sm text-slate-500">No destinations yet: nothing is posted to chat or other systems.</p>;
  return (
    <div className="space-y-2">
      {notice && (
        <p className="text-sm text-slate-700" role="status">
          {notice}
        </p>
      )}
      <ul className="divide-y divide-slate-100" aria-label="Chat and webhook destinations">
        {webhooks.map((webhook) => (
          <li key={webhook.id} className="space-y-2 py-3">
            <div className="flex flex-wrap items-center gap-3">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">
                  {WEBHOOK_FORMAT_LABEL[webhook.format]} <code className="ml-1 rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-600">{webhook.url}</code>
                </p>
                <p className="text-xs text-slate-500">
                  {webhook.project ? webhook.project.name : "Every project"} · {webhook.events.length === 0 ? "every event" : webhook.events.map((kind) => NOTIFICATION_KIND_LABEL[kind]).join(", ")} · added <Moment iso={webhook.createdAt} /> by{" "}
                  {webhook.createdBy}
                </p>
                {!webhook.enabled && (
                  <p className="text-xs font-medium text-red-700">
                    Turned off{webhook.disabledAt ? <> <Moment iso={webhook.disabledAt} /></> : null}: {webhook.disabledReason}. Remove it and add it again once the receiver works.
                  </p>
                )}
              </div>
              <Button
                variant="secondary"
                size="sm"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await testWebhookAction(webhook.id);
                    if (!result.ok) setNotice(result.error.message);
                    else setNotice(result.data.status === "SUCCEEDED" ? `The test message was delivered (${result.data.statusCode}).` : `The test message failed: ${result.data.statusCode ?? result.data.error}.`);
                  })
                }
              >
                Send a test<span className="sr-only"> to {webhook.url}</span>
              </Button>
              <Button
                variant="ghost"
                size="sm"
                disabled={pending}
                onClick={() => {
                  if (!window.confirm(`Remove the destination ${webhook.url}? Nothing more will be posted to it.`)) return;
                  startTransition(async () => void (await deleteWebhookAction(webhook.id)));
                }}
              >
                Remove<span className="sr-only"> destination {webhook.url}</span>
              </Button>
            </div>
            {webhook.recentDeliveries.length > 0 && (
              <table className="w-full text-left text-xs text-slate-600" aria-label={`Last deliveries to ${webhook.url}`}>
                <thead>
                  <tr className="text-slate-500">
                    <th className="py-1 pr-2 font-medium">Event</th>
                    <th className="py-1 pr-2 font-medium">Status</th>
                    <th className="py-1 pr-2 font-medium">Answer</th>
                    <th className="py-1 font-medium">Last attempt</th>
                  </tr>
                </thead>
                <tbody>
                  {webhook.recentDeliveries.map((delivery) => (
                    <tr key={delivery.id} className="border-t border-slate-100">
                      <td className="py-1 pr-2">{kindLabel(delivery.kind)}</td>
                      <td className="py-1 pr-2">
                        {WEBHOOK_DELIVERY_STATUS_LABEL[delivery.status]}
                        {delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : ""}
                      </td>
                      <td className="max-w-xs truncate py-1 pr-2" title={delivery.response ?? delivery.error ?? undefined}>
                        {delivery.statusCode ?? "no answer"}
                        {delivery.error ? ` — ${delivery.error}` : ""}
                      </td>
                      <td className="py-1">{delivery.lastAttemptAt ? <Moment iso={delivery.lastAttemptAt} /> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
