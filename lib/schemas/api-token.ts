import { z } from "zod";
import { API_TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { id, requiredText } from "./fields";

export const createApiTokenInput = z.object({
  name: requiredText("a name, such as “GitHub Actions”", 80),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose read or write." }),
  // Blank means the token does not expire.
  expiresInDays: z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : Number(value)),
    z
      .number({ error: "Enter a number of days." })
      .int("Use a whole number of days.")
      .min(1, "Use at least 1 day.")
      .max(3650, "Use at most 3650 days (ten years).")
      .nullable(),
  ),
});

export const revokeApiTokenInput = z.object({ tokenId: id });
