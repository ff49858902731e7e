import type { DomainError, ErrorCode } from "../../../domain/errors/domain-error.js";
import { CLIENT_ERROR_CODES, type ClientErrorCode } from "./client-error-codes.js";

/** What a client request was doing when it failed: a few domain codes read differently per operation. */
export type ClientOperation = "create_short" | "create_custom" | "by_id" | "by_short_url" | "other";

type ClientCodeRule =
  | ClientErrorCode
  | ({ readonly otherwise: ClientErrorCode } & { readonly [K in ClientOperation]?: ClientErrorCode });

/** Domain error code → LI code (spec §5). Exhaustive: a new domain code does not compile until mapped. */
export const CLIENT_ERROR_RULES: Record<ErrorCode, ClientCodeRule> = {
  invalid_request: "LI00",
  rate_limited: "LI01",
  quota_exceeded: "LI02",
  unauthorized: "LI03",
  forbidden: "LI04",
  invalid_destination: "LI05",
  invalid_slug: "LI06",
  slug_taken: "LI07",
  slug_generation_failed: { create_custom: "LI09", otherwise: "LI08" },
  link_not_found: { by_short_url: "LI16", otherwise: "LI11" },
  edit_not_allowed: "LI12",
  destination_blocked: "LI13",
  invalid_domain: "LI14",
  invalid_date_range: "LI15",
  unavailable: { create_short: "LI08", create_custom: "LI09", otherwise: "LI00" },
  // No client route reaches a resource that is not a link (spec §5: "–").
  not_found: "LI00",
  // The client API takes no Idempotency-Key (spec §9 is v1 only); mapped for exhaustiveness.
  idempotency_conflict: "LI00",
};

/** The failure body of the client API for a domain error met during `operation`, with its HTTP status. */
export function clientFailure(error: DomainError, operation: ClientOperation) {
  const rule = CLIENT_ERROR_RULES[error.code];
  const code = typeof rule === "string" ? rule : (rule[operation] ?? rule.otherwise);
  const { status, message } = CLIENT_ERROR_CODES[code];
  return { status, body: { success: false as const, error_code: code, error_message: message } };
}
