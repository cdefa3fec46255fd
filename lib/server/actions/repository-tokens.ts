"use server";

// Server actions of the team's read tokens for repository checks (the settings page).
import { removeRepositoryToken, storeRepositoryToken } from "@/lib/server/services/repository-tokens";
import { defineAction, fieldsOf } from "./define-action";

const SETTINGS = ["/settings"];

// The token is never shown again, so it is not kept in the form after a failure either.
export const storeRepositoryTokenAction = defineAction({
  form: { keep: ["host", "username"] },
  run: async (actor, form) => {
    const stored = await storeRepositoryToken(actor, fieldsOf(form));
    return { host: stored.host };
  },
  revalidate: () => SETTINGS,
});

export const removeRepositoryTokenAction = defineAction({
  run: (actor, tokenId: string) => removeRepositoryToken(actor, { tokenId }),
  revalidate: () => SETTINGS,
});
