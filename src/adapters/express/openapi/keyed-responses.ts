import { z } from "zod";
import type { ApiHeader, ApiResponse } from "./openapi-document.js";

const count = (description: string): ApiHeader => ({ description, schema: z.int().min(0) });

/** What `apiKeyAuth` sets on every request it counts (spec §2): the window closest to its limit. */
export const RATE_LIMIT_HEADERS: Readonly<Record<string, ApiHeader>> = {
  "X-RateLimit-Limit": count("Requests allowed in the window closest to its limit."),
  "X-RateLimit-Remaining": count("Requests left in that window."),
  "X-RateLimit-Reset": count("Seconds until that window resets."),
};

/** Sent with 429: seconds until the window that refused the request frees up. */
export const RETRY_AFTER_HEADER: Readonly<Record<string, ApiHeader>> = {
  "Retry-After": count("Seconds to wait before retrying."),
};

/** Statuses answered before the key is counted: no X-RateLimit headers. */
const UNCOUNTED = new Set(["401", "403"]);

/**
 * The responses of a route behind an API key, with the headers each carries: every answer to a counted
 * request has the X-RateLimit headers, and 429 also Retry-After.
 */
export function keyedResponses(
  responses: Readonly<Record<string, ApiResponse>>,
): Readonly<Record<string, ApiResponse>> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      UNCOUNTED.has(status)
        ? response
        : {
            ...response,
            headers: {
              ...response.headers,
              ...RATE_LIMIT_HEADERS,
              ...(status === "429" ? RETRY_AFTER_HEADER : {}),
            },
          },
    ]),
  );
}
