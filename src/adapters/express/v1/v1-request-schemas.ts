import { z } from "zod";
import { rulesField, variantsField } from "./link-targets-schemas.js";

const isoDate = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z",
});
const maxClicks = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Body of `POST /v1/links`. Content rules (URL, slug, domain) are the domain's; this checks shape and types. */
export const createLinkBody = z.strictObject({
  url: z.string().describe("The destination: an absolute http(s) URL of at most 8192 characters."),
  custom_slug: z
    .string()
    .optional()
    .describe("3–64 characters of A-Z, a-z, 0-9, '_' and '-'. Random when absent."),
  domain: z.string().optional().describe("The default domain or an active custom domain of the account."),
  password: z.string().optional().describe("Visitors must enter it before being redirected."),
  expires_at: isoDate.nullable().optional(),
  max_clicks: maxClicks.nullable().optional(),
  rules: rulesField.optional(),
  variants: variantsField.optional(),
});

/** Body of `PATCH /v1/links/:id`: any field; `null` removes password, expiry or click budget. */
export const updateLinkBody = z.strictObject({
  url: z.string().optional(),
  custom_slug: z.string().optional(),
  password: z.string().nullable().optional(),
  expires_at: isoDate.nullable().optional(),
  max_clicks: maxClicks.nullable().optional(),
  status: z.enum(["active", "disabled"]).optional(),
  rules: rulesField.nullable().optional(),
  variants: variantsField.nullable().optional(),
});

/** Query of `GET /v1/links`. */
export const listLinksQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "must be a whole number from 1 to 100")
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .optional(),
  cursor: z.string().max(200).optional(),
  domain: z.string().max(260).optional(),
  status: z.enum(["active", "disabled"]).optional(),
});

/** Query of `GET /v1/links/:id/analytics`: UTC days, inclusive. Any bad day is `invalid_date_range` (§5). */
export const analyticsQuery = z.strictObject({
  start: z.string().optional().describe("YYYY-MM-DD; default 29 days before end."),
  end: z.string().optional().describe("YYYY-MM-DD; default today (UTC)."),
});

/** Body of `POST /v1/domains`. */
export const createDomainBody = z.strictObject({
  hostname: z.string().max(260),
});

/** No body expected: only an empty object is accepted when a client sends JSON anyway. */
export const emptyBody = z.strictObject({});
