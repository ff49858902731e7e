import type { ErrorCode } from "../../../domain/errors/domain-error.js";

/** HTTP status of each error code in the v1 API (spec §5). Exhaustive: a new code does not compile until mapped. */
export const V1_ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  rate_limited: 429,
  quota_exceeded: 429,
  unauthorized: 401,
  forbidden: 403,
  invalid_destination: 400,
  invalid_slug: 400,
  slug_taken: 400,
  slug_generation_failed: 503,
  link_not_found: 404,
  edit_not_allowed: 409,
  destination_blocked: 400,
  invalid_domain: 400,
  invalid_date_range: 400,
  unavailable: 503,
  not_found: 404,
  idempotency_conflict: 409,
};
