import { z } from "zod";
import type { ErrorCode } from "../../../domain/errors/domain-error.js";
import { ruleSchema, targetsSchema, variantSchema } from "./link-targets-schemas.js";

const timestamp = z.iso
  .datetime()
  .describe("UTC, ISO 8601 with milliseconds, e.g. 2026-01-31T12:00:00.000Z.");
const day = z.iso.date().describe("A UTC day, YYYY-MM-DD.");
const clicks = z.int().min(0);

/** The v1 link object (spec §3). */
export const v1LinkSchema = z.strictObject({
  id: z.string().describe("`lnk_` and 21 characters."),
  short_url: z.string().describe("The short URL visitors follow, e.g. https://sho.rt/my-slug."),
  long_url: z.string().describe("The destination."),
  domain: z.string().describe("The short URL's host (with the port when it is not the scheme's default)."),
  slug: z.string(),
  status: z.enum(["active", "disabled"]),
  password_protected: z.boolean(),
  expires_at: timestamp.nullable(),
  max_clicks: z.int().min(1).nullable(),
  title: z.string().nullable().describe("At most 200 characters, or null."),
  tags: z.array(z.string()).describe("At most 20 distinct tags, each 1–50 of a-z, 0-9, '_' and '-'."),
  tracking_url: z.string().describe("The link's tracking page, https://<domain>/t/<id>."),
  created_at: timestamp,
  updated_at: timestamp,
  rules: z.array(ruleSchema).describe("Redirect rules, first match wins (spec §8); [] when none."),
  variants: z.array(variantSchema).describe("Split-test variants (spec §8); [] when none."),
});

/** The v1 custom domain object. */
export const v1DomainSchema = z.strictObject({
  hostname: z.string(),
  status: z.enum(["pending", "active"]),
  verification: z.strictObject({
    type: z.literal("TXT"),
    name: z.string().describe("`_hexlink.<hostname>`"),
    value: z.string().describe("`hexlink-verify=…`"),
  }),
  created_at: timestamp,
});

const namedCounts = z.array(z.strictObject({ name: z.string(), clicks }));

/** The v1 analytics object: lists sorted by clicks, descending; one timeseries entry per day of the range. */
export const v1AnalyticsSchema = z.strictObject({
  link_id: z.string(),
  start: day,
  end: day,
  total_clicks: clicks.describe("Human clicks; bots are counted apart, in bot_clicks."),
  unique_clicks: clicks,
  bot_clicks: clicks,
  timeseries: z.array(z.strictObject({ date: day, clicks })),
  devices: namedCounts,
  os: namedCounts,
  browsers: namedCounts,
  countries: z.array(
    z.strictObject({
      name: z.string().describe("English name."),
      code: z.string().describe("ISO 3166-1 alpha-2 as recorded; ZZ when unknown."),
      clicks,
    }),
  ),
  referrers: namedCounts,
  targets: targetsSchema,
});

/** The v1 account analytics object (§7): the analytics object without `link_id`, plus `top_links`. */
export const v1AccountAnalyticsSchema = v1AnalyticsSchema.omit({ link_id: true }).extend({
  top_links: z
    .array(z.strictObject({ id: z.string(), short_url: z.string(), clicks }))
    .max(20)
    .describe("The links with the most clicks in the range, most first (links deleted since left out)."),
});

/** `{success:true, analytics}` for the whole account. */
export const v1AccountAnalyticsResponse = z.strictObject({
  success: z.literal(true),
  analytics: v1AccountAnalyticsSchema,
});

/** `{success:true, tags}`: the account's tags by name, with how many links carry each. */
export const v1TagListResponse = z.strictObject({
  success: z.literal(true),
  tags: z.array(z.strictObject({ name: z.string(), links: z.int().min(1) })),
});

/** `{success:true, link}` */
export const v1LinkResponse = z.strictObject({ success: z.literal(true), link: v1LinkSchema });

/** `{success:true, links, next_cursor}`: `next_cursor` is null on the last page. */
export const v1LinkPageResponse = z.strictObject({
  success: z.literal(true),
  links: z.array(v1LinkSchema),
  next_cursor: z.string().nullable(),
});

/** `{success:true}` */
export const v1DoneResponse = z.strictObject({ success: z.literal(true) });

/** `{success:true, analytics}` */
export const v1AnalyticsResponse = z.strictObject({ success: z.literal(true), analytics: v1AnalyticsSchema });

/** `{success:true, domain}` */
export const v1DomainResponse = z.strictObject({ success: z.literal(true), domain: v1DomainSchema });

/** `{success:true, domains}` */
export const v1DomainListResponse = z.strictObject({
  success: z.literal(true),
  domains: z.array(v1DomainSchema),
});

/** A v1 failure, `{success:false, error, code}`, with one of the given codes. */
export function v1ErrorResponse(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.strictObject({
    success: z.literal(false),
    error: z.string().describe("A sentence for people; not stable."),
    code: z.enum(codes),
  });
}
