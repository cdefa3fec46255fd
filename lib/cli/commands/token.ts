import { operatorForApiToken, operatorForTeam } from "@/lib/server/access/operator";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/services/api-tokens";
import { succeed, usageError, type Output } from "@/lib/cli/output";

type TokenOptions = { team?: string; name?: string; scope?: string; "expires-in-days"?: string };

export async function tokenCommand(action: string | undefined, args: string[], options: TokenOptions, output: Output) {
  switch (action) {
    case "create": {
      if (!options.team || !options.name || !options.scope) throw usageError("token create needs --team, --name and --scope read|write.");
      const operator = await operatorForTeam(options.team);
      const { token, secret } = await createApiToken(operator, { name: options.name, scope: options.scope, expiresInDays: options["expires-in-days"] ?? null });
      return succeed(output, { id: token.id, token: secret, name: token.name, scope: token.scope, expiresAt: token.expiresAt }, [
        `Created ${token.scope} token “${token.name}” (id ${token.id}${token.expiresAt ? `, expires ${token.expiresAt}` : ""}).`,
        "Store it now; it is not shown again:",
        secret,
      ]);
    }
    case "revoke": {
      const [tokenId] = args;
      if (!tokenId) throw usageError("token revoke needs the token's id.");
      await revokeApiToken(await operatorForApiToken(tokenId), { tokenId });
      return succeed(output, { id: tokenId, revoked: true }, [`Revoked token ${tokenId}.`]);
    }
    case "list": {
      if (!options.team) throw usageError("token list needs --team.");
      const tokens = await listApiTokens(await operatorForTeam(options.team));
      return succeed(
        output,
        tokens,
        tokens.length === 0
          ? ["No tokens."]
          : tokens.map((t) => `${t.id}  ${t.prefix}…  ${t.scope.padEnd(5)}  ${t.state.padEnd(7)}  ${t.name}  (last used: ${t.lastUsedAt ?? "never"})`),
      );
    }
    default:
      throw usageError("token needs one of: create, revoke, list.");
  }
}
