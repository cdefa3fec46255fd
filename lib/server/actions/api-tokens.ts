"use server";

// Server actions of the team's API tokens (the settings page).
import { createApiToken, revokeApiToken } from "@/lib/server/services/api-tokens";
import { defineAction, fieldsOf } from "./define-action";

const SETTINGS = ["/settings"];

// The secret is shown once, here.
export const createApiTokenAction = defineAction({
  form: { keep: ["name", "scope", "expiresInDays"] },
  run: async (actor, form) => {
    const { token, secret } = await createApiToken(actor, fieldsOf(form));
    return { name: token.name, secret, scope: token.scope };
  },
  revalidate: () => SETTINGS,
});

export const revokeApiTokenAction = defineAction({
  run: (actor, tokenId: string) => revokeApiToken(actor, { tokenId }),
  revalidate: () => SETTINGS,
});
