import { z } from "zod";

// Shapes and types only: limits, names, codes and CIDR syntax are the domain's rules (clear invalid_request).
const isoDate = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z",
});
const names = (what: string) => z.array(z.string()).optional().describe(`Any of these ${what}.`);

const conditionsBody = z.strictObject({
  device: names("analytics device names: Desktop, Mobile, Tablet, Other"),
  os: names("analytics OS names (iOS, Android, Windows, macOS, Linux, …), any letter case"),
  browser: names("analytics browser names (Chrome, Safari, Firefox, Samsung Internet, …), any letter case"),
  country: names("ISO 3166-1 alpha-2 codes"),
  language: names("primary language tags (en, fr), against the visitor's most preferred Accept-Language"),
  query: z
    .record(z.string(), z.string())
    .optional()
    .describe('Query parameters of the short URL that must all be present with this value ("*": any value).'),
  ip: names("IPv4 or IPv6 CIDR ranges (a bare address is one address)"),
  after: isoDate.optional().describe("From this instant on (inclusive)."),
  before: isoDate.optional().describe("Until this instant (exclusive)."),
});

/** One redirect rule in a request body. */
export const ruleBody = z.strictObject({
  if: conditionsBody.describe("Every condition given must hold; a list holds when any entry does."),
  url: z.string().describe("Where a matching visit goes; the same checks as the link's url."),
});

/** One split-test variant in a request body. */
export const variantBody = z.strictObject({
  url: z.string().describe("Where this variant's visitors go; the same checks as the link's url."),
  weight: z.number().describe("Whole percent, 1–100; a link's weights sum to 100."),
});

/** `rules` of POST and PATCH /v1/links: ≤ 25, first match wins; on PATCH `[]` or null removes them. */
export const rulesField = z
  .array(ruleBody)
  .describe(
    "Redirect rules, in order: the first rule whose every condition holds sends the visitor to its url.",
  );

/** `variants` of POST and PATCH /v1/links: 2–10 with weights summing to 100; on PATCH `[]` or null removes them. */
export const variantsField = z
  .array(variantBody)
  .describe("A split test: each visitor keeps one variant for the UTC day (by the daily visitor hash).");

const timestamp = z.iso.datetime().describe("UTC, ISO 8601 with milliseconds.");

/** A rule as the v1 link object shows it: only the conditions it has. */
export const ruleSchema = z.strictObject({
  if: z.strictObject({
    device: z.array(z.string()).optional(),
    os: z.array(z.string()).optional(),
    browser: z.array(z.string()).optional(),
    country: z.array(z.string()).optional(),
    language: z.array(z.string()).optional(),
    query: z.record(z.string(), z.string()).optional(),
    ip: z.array(z.string()).optional().describe("CIDR ranges, canonical (network address / prefix)."),
    after: timestamp.optional(),
    before: timestamp.optional(),
  }),
  url: z.string(),
});

export const variantSchema = z.strictObject({ url: z.string(), weight: z.int().min(1).max(100) });

/** Clicks per target in link analytics (spec §8). */
export const targetsSchema = z
  .array(
    z.strictObject({
      name: z.string().describe('"default", "rule:<n>" or "variant:<n>" (n from 1, in list order).'),
      url: z.string().nullable().describe("The target's URL now; null for a target the link no longer has."),
      clicks: z.int().min(0),
    }),
  )
  .describe(
    "Clicks per target: every target the link has, then names it no longer has; by clicks, descending.",
  );
