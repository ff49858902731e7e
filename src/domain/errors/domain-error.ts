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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A rule of hexlink was broken; `code` is what adapters map to their transport. */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
