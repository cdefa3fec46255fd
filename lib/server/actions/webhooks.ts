"use server";

// Server actions of the chat and webhook destinations (a project's settings page).
import { createWebhook, deleteWebhook, sendTestWebhook } from "@/lib/server/services/webhooks";
import { defineAction } from "./define-action";
import type { PagePath } from "./pages";

// Team-wide destinations are listed on every project's settings page.
const SETTINGS: PagePath[] = [["/(app)/projects/[projectId]/settings", "page"]];

export const createWebhookAction = defineAction({
  form: { keep: ["url", "format", "scope"] },
  run: async (actor, form) => {
    const scope = form.get("scope");
    const projectId = form.get("projectId");
    const { webhook, secret } = await createWebhook(actor, {
      url: form.get("url"),
      format: form.get("format"),
      events: form.getAll("events"),
      ...(scope === "project" && typeof projectId === "string" ? { projectId } : {}),
    });
    return { id: webhook.id, url: webhook.url, secret };
  },
  revalidate: () => SETTINGS,
});

export const deleteWebhookAction = defineAction({
  run: (actor, webhookId: string) => deleteWebhook(actor, { webhookId }),
  revalidate: () => SETTINGS,
});

export const testWebhookAction = defineAction({
  run: (actor, webhookId: string) => sendTestWebhook(actor, { webhookId }),
  revalidate: () => SETTINGS,
});
