/** Every failure hexlink can report, one stable code each (spec §5). */
export const ERROR_CODES = [
  "invalid_request",
  "rate_limited",
  "quota_exceeded",
  "unauthorized",
  "forbidden",
  "invalid_destination",
  "invalid_slug",
  "slug_taken",
  "slug_generation_failed",
  "link_not_found",
  "edit_not_allowed",
  "destination_blocked",
  "invalid_domain",
  "invalid_date_range",
  "unavailable",
  "not_found",
  "idempotency_conflict",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A rule of hexlink was broken; `code` is what adapters map to their transport. */
export class DomainError extends Error {
  override readonly name = "DomainError";

  readonly code: ErrorCode;
  /** For `rate_limited` and `quota_exceeded`: when trying again may succeed (adapters send `Retry-After`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { readonly retryAfterSeconds?: number } = {}) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
