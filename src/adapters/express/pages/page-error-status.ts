import type { ServerResponse } from "node:http";
import { type ErrorCode, isDomainError } from "../../../domain/errors/domain-error.js";
import { genericErrorPage, notFoundPage } from "../views/error-pages.js";
import { sendPage } from "./send-page.js";

/**
 * HTTP status of the page shown for each error code. Exhaustive: a new code does not compile until
 * mapped. Pages meet few of them (an unknown link, a bad date range, a store that is down).
 */
export const PAGE_ERROR_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 429 | 503> = {
  invalid_request: 400,
  rate_limited: 429,
  quota_exceeded: 429,
  unauthorized: 401,
  forbidden: 403,
  invalid_destination: 400,
  invalid_slug: 404,
  slug_taken: 409,
  slug_generation_failed: 503,
  link_not_found: 404,
  edit_not_allowed: 409,
  destination_blocked: 400,
  invalid_domain: 404,
  invalid_date_range: 400,
  unavailable: 503,
  not_found: 404,
  idempotency_conflict: 409,
};

/**
 * Answers an error met while serving a page: 404 the not-found page, 503 (and anything not a
 * DomainError) the unavailable page, other statuses the error's message as text.
 */
export function sendPageError(res: ServerResponse, error: unknown, head: boolean): void {
  const status = isDomainError(error) ? PAGE_ERROR_STATUS[error.code] : 503;
  if (status === 404) sendPage(res, 404, notFoundPage(), head);
  else if (status === 503 || !isDomainError(error)) {
    sendPage(res, 503, genericErrorPage(503, "The service is unavailable; try again shortly."), head);
  } else sendPage(res, status, genericErrorPage(status, error.message), head);
}
