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
