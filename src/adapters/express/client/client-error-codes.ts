import type { DomainError, ErrorCode } from "../../../domain/errors/domain-error.js";

/** The client API's error codes with the original service's exact messages and hexlink's HTTP status. */
export const CLIENT_ERROR_CODES = {
  LI00: { status: 400, message: "Invalid request." },
  LI01: { status: 429, message: "Per second limit exceeded." },
  LI02: { status: 429, message: "Monthly limit exceeded." },
  LI03: { status: 401, message: "Unauthorized access." },
  LI04: { status: 403, message: "Please select a plan from www.lnnkin.com which supports API access" },
  LI05: { status: 400, message: "Invalid destination link." },
  LI06: {
    status: 400,
    message: "Invalid custom name. Only alphabets, numbers, underscore and hyphen are allowed.",
  },
  LI07: { status: 400, message: "Custom name already taken. Try something else." },
  LI08: { status: 400, message: "Unable to generate short URL. Please try again." },
  LI09: { status: 400, message: "Unable to generate custom URL. Please try again." },
  LI10: { status: 403, message: "Email not verified." },
  LI11: { status: 404, message: "Invalid tracking ID." },
  LI12: { status: 400, message: "Short URL edit not allowed." },
  LI13: { status: 400, message: "This domain is blacklisted in our system. Please read our terms of use." },
  LI14: { status: 400, message: "Invalid custom domain." },
  LI15: { status: 400, message: "Invalid start or end date." },
  LI16: { status: 404, message: "Invalid short URL." },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

/** One of the client API's `LI00`–`LI16` codes. */
export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

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
};

/** The failure body of the client API for a domain error met during `operation`, with its HTTP status. */
export function clientFailure(error: DomainError, operation: ClientOperation) {
  const rule = CLIENT_ERROR_RULES[error.code];
  const code = typeof rule === "string" ? rule : (rule[operation] ?? rule.otherwise);
  const { status, message } = CLIENT_ERROR_CODES[code];
  return { status, body: { success: false as const, error_code: code, error_message: message } };
}
