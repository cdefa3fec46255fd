import { z } from "zod";
import { API_TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { id, optionalDays, requiredText } from "./fields";

export const createApiTokenInput = z.object({
  name: requiredText("a name, such as “GitHub Actions”", 80),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose read or write." }),
  // Blank means the token does not expire.
  expiresInDays: optionalDays,
});

export const revokeApiTokenInput = z.object({ tokenId: id });
