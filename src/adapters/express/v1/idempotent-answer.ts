import { createHash } from "node:crypto";
import type { IdempotentAnswer } from "../../../application/services/idempotent-requests.js";
import type { RequestPrincipal } from "../auth/request-key.js";
import { toDomainError } from "../routing/to-domain-error.js";
import { V1_ERROR_STATUS } from "./v1-error-status.js";
import type { V1Route } from "./v1-route.js";
import type { V1UseCases } from "./v1-use-cases.js";

/** A request to an idempotent route, as the router read it. */
export interface IdempotentCall {
  readonly route: V1Route;
  readonly key: string;
  readonly principal: RequestPrincipal;
  readonly request: { readonly params: unknown; readonly query: unknown; readonly body: unknown };
}

/**
 * Runs an idempotent route once per key (spec §9): the answer, success or refusal, is kept as it was sent, so
 * a retry gets it byte for byte. The fingerprint is the SHA-256 of the route, the caller's reach (its key's
 * scopes and domains: a key limited to other domains must not replay what it could not have been answered) and
 * the body with its object keys sorted, so a retry that re-serialises the same body in another key order is the
 * same request. A refusal for the key's own lack of a scope is not kept: nothing was done to replay.
 * @throws DomainError idempotency_conflict, invalid_request (a bad key), unavailable; an unexpected error is
 *   thrown, not kept, so a retry runs again
 */
export function answerIdempotently(useCases: V1UseCases, call: IdempotentCall): Promise<IdempotentAnswer> {
  const { route, principal } = call;
  const { accountId } = principal;
  const fingerprint = createHash("sha256")
    .update(`${route.method} ${route.path}\n${canonicalJson(principal.access ?? null)}\n`)
    .update(canonicalJson(call.request.body))
    .digest("base64url");
  return useCases.idempotentRequests.run({ accountId, key: call.key, fingerprint }, async () => {
    try {
      const answer = await route.run(useCases, call.request, principal);
      return { status: route.success.status, body: JSON.stringify({ success: true, ...answer }) };
    } catch (error) {
      const { error: domainError, unexpected } = toDomainError(error);
      if (unexpected || domainError.code === "forbidden") throw error;
      const body = { success: false, error: domainError.message, code: domainError.code };
      return { status: V1_ERROR_STATUS[domainError.code], body: JSON.stringify(body) };
    }
  });
}

/** JSON with every object's keys in sorted order, so equal values always serialise alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
