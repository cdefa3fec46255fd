// The inputs of the repository read tokens service
// (lib/server/services/repository-tokens.ts): storing one for a git host,
// and removing one.
import { z } from "zod";
import { id, plainString } from "./fields";

/**
 * A git host as a repository URL names it: lower case, with a port only when
 * not the default ("github.com", "git.example.com:8443"). A URL typed here is
 * reduced to its host, so pasting the repository's address works too.
 */
export const gitHost = plainString({ error: "Enter the git host, such as github.com." })
  .trim()
  .min(1, "Enter the git host, such as github.com.")
  .max(260, "Use at most 260 characters.")
  .transform((value, context) => {
    const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(candidate);
      if (url.protocol === "https:" && url.hostname && !url.username && !url.password) return url.host.toLowerCase();
    } catch {
      // fall through to the field error
    }
    context.addIssue({ code: "custom", message: "Enter only the git host, such as github.com or git.example.com:8443." });
    return z.NEVER;
  });

export const storeRepositoryTokenInput = z.object({
  host: gitHost,
  // Sent as the basic-auth user name; most hosts accept any with a token.
  username: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    plainString()
      .trim()
      .max(100, "Use at most 100 characters.")
      .refine((value) => !value.includes(":"), "A user name cannot contain a colon.")
      .optional()
      .meta({ description: 'The user name sent with the token (HTTP basic authentication); default "x-access-token".' }),
  ),
  token: plainString({ error: "Enter the token." })
    .min(1, "Enter the token.")
    .max(1000, "Use at most 1000 characters.")
    .refine((value) => !/\s/.test(value), "A token has no spaces or line breaks; paste it again.")
    .meta({ description: "The read token; stored sealed and never returned." }),
});
export type StoreRepositoryTokenInput = z.infer<typeof storeRepositoryTokenInput>;

export const removeRepositoryTokenInput = z.object({ tokenId: id });
