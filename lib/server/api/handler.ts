import "server-only";
import * as Sentry from "@sentry/nextjs";
import type { UntargetedAction } from "@/lib/domain/permissions";
import type { TokenActor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { authenticateApiRequest } from "@/lib/server/access/api-token-auth";
import { clientAddress } from "@/lib/server/access/client-address";
import { AppError, toErrorBody } from "@/lib/server/kernel/errors";
import { requestLogger } from "@/lib/server/kernel/logger";
import { describeDatabaseFailure } from "@/lib/server/kernel/db-faults";
import { databaseFault } from "@/lib/server/kernel/unavailable";
import { assertNotBlocked, spendAllowance, type Allowances } from "./rate-limit";

type Params = Record<string, string | string[]>;

export type ApiContext = { actor: TokenActor; request: Request; params: Params };

const NO_STORE = { "cache-control": "no-store" };

export const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(data, { status, headers: { ...NO_STORE, ...headers } });

export function errorResponse(error: unknown, requestId: string | null): Response {
  // An unreachable database, or a statement stopped at its timeout, is a 503
  // with Retry-After, not a bug (500); logged as a warning for the operator.
  const fault = databaseFault(error);
  if (fault) {
    requestLogger(requestId).warn({ reason: describeDatabaseFailure(error) }, fault.message);
    error = fault;
  }
  if (!(error instanceof AppError)) {
    requestLogger(requestId).error({ err: error }, "API request failed");
    Sentry.captureException(error);
  }
  const body = toErrorBody(error);
  const status = error instanceof AppError ? error.status : 500;
  const headers: Record<string, string> = {};
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="shipshape"';
  const retryAfter = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return json({ error: body }, status, headers);
}

const allowanceHeaders = (allowance: Allowances) => ({
  "ratelimit-limit": String(allowance.limit),
  "ratelimit-remaining": String(allowance.remaining),
  "ratelimit-reset": String(allowance.resetSeconds),
});

// Every /api/v1 endpoint: the token (a request without a valid one spends its
// client address's allowance, and an address over its allowance is refused
// first), the token's allowance, the permission the endpoint needs, then the
// handler.
// Services ask the gate again; asking it here answers 403 (in the token's
// words) before any work.
export function apiEndpoint(permission: UntargetedAction, handle: (context: ApiContext) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id");
    try {
      const address = clientAddress(request.headers);
      assertNotBlocked("address", address);
      let actor: TokenActor;
      try {
        actor = await authenticateApiRequest(request.headers.get("authorization"));
      } catch (error) {
        // Requests without a valid token spend the address's allowance.
        if (error instanceof AppError && error.code === "UNAUTHENTICATED") await spendAllowance("address", address);
        throw error;
      }
      const allowance = await spendAllowance("token", actor.tokenId);
      authorize(actor, permission);
      const response = await handle({ actor, request, params: await params });
      for (const [name, value] of Object.entries(allowanceHeaders(allowance))) response.headers.set(name, value);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
