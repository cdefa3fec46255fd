"use server";

// Server actions of a project's share links (its report page).
import { createShareLink, revokeShareLink } from "@/lib/server/services/share-links";
import { defineAction } from "./define-action";
import { projectPages } from "./pages";

// The link's URL is shown once, here; the page lists links by prefix only.
export const createShareLinkAction = defineAction({
  form: { keep: ["expiresInDays"] },
  run: async (actor, form) => {
    const { url, badgeUrl } = await createShareLink(actor, { projectId: form.get("projectId"), expiresInDays: form.get("expiresInDays") });
    return { url, badgeUrl };
  },
  revalidate: (_, form) => projectPages(String(form.get("projectId"))),
});

export const revokeShareLinkAction = defineAction({
  run: (actor, shareLinkId: string) => revokeShareLink(actor, { shareLinkId }),
  revalidate: ({ projectId }) => projectPages(projectId),
});
