import { z } from "zod";
import { rulesField, variantsField } from "./link-targets-schemas.js";

const isoDate = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z",
});
const maxClicks = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
// Lengths and characters are the domain's rules (`parseTitle`, `parseTags`); these bound what is parsed at all.
const title = z
  .string()
  .max(10_000)
  .nullable()
  .optional()
  .describe("At most 200 characters; null removes it.");
const tags = z
  .array(z.string().max(1_000))
  .max(1_000)
  .optional()
  .describe("At most 20 distinct tags, each 1–50 of a-z, 0-9, '_' and '-' (stored lower-case).");
/** A query parameter that may be repeated (`?tag=a&tag=b`), as a list. */
const repeatable = z
  .union([z.string().max(1_000), z.array(z.string().max(1_000)).max(100)])
  .transform((value) => (typeof value === "string" ? [value] : value));

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
  title,
  tags,
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
  title,
  tags,
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
  tag: repeatable.optional().describe("Repeatable: only links having every tag given."),
  q: z.string().max(200).optional().describe("Case-insensitive substring of the slug, destination or title."),
});

/** Query of `GET /v1/links/:id/analytics`: UTC days, inclusive. Any bad day is `invalid_date_range` (§5). */
export const analyticsQuery = z.strictObject({
  start: z.string().optional().describe("YYYY-MM-DD; default 29 days before end."),
  end: z.string().optional().describe("YYYY-MM-DD; default today (UTC)."),
});

/** Query of `GET /v1/analytics`: UTC days as for a link, and one optional tag or domain. */
export const accountAnalyticsQuery = analyticsQuery.extend({
  tag: z.string().max(1_000).optional().describe("Only clicks of links carrying this tag when clicked."),
  domain: z.string().max(260).optional().describe("Only clicks of links on this domain. Not with tag."),
});

/** Body of `POST /v1/domains`. */
export const createDomainBody = z.strictObject({
  hostname: z.string().max(260),
});

/** No body expected: only an empty object is accepted when a client sends JSON anyway. */
export const emptyBody = z.strictObject({});
