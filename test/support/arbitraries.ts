import fc from "fast-check";
import type { ApiKey } from "../../src/domain/api-key/api-key.js";
import { API_KEY_SCOPES } from "../../src/domain/api-key/key-access.js";
import type { ClassifiedClick } from "../../src/domain/click/click.js";
import type { CustomDomain } from "../../src/domain/custom-domain/custom-domain.js";
import type { Link } from "../../src/domain/link/link.js";
import {
  arbIdSuffix,
  arbRedirectRules,
  arbSplitVariants,
  TRICKY_VALUES,
} from "../../src/testing/arbitraries.js";

// The arbitraries the contract suites use live in hexlink/testing.
export * from "../../src/testing/arbitraries.js";

// Entities for stores that must keep any value: past what the domain rules allow.

/** Any string BSON can hold: every Unicode code point, NUL, dots and dollars included. */
export const arbAnyString = fc.string({ unit: "binary", maxLength: 24 });

const arbDate = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("2200-01-01T00:00:00Z"),
  noInvalidDate: true,
});
const arbId = (prefix: string) => arbIdSuffix().map((tail) => `${prefix}${tail}`);

/** Any link, with values past what the domain rules allow where a store should not care. */
export const arbLink: fc.Arbitrary<Link> = fc.record({
  id: arbId("lnk_"),
  accountId: arbAnyString,
  domain: arbAnyString,
  slug: arbAnyString,
  destination: arbAnyString,
  status: fc.constantFrom("active", "disabled"),
  passwordHash: fc.option(arbAnyString),
  expiresAt: fc.option(arbDate),
  maxClicks: fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  title: fc.option(arbAnyString),
  tags: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,50}$/), { maxLength: 20 }),
  clickCount: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  createdAt: arbDate,
  updatedAt: arbDate,
  rules: arbRedirectRules(arbAnyString),
  variants: arbSplitVariants(arbAnyString),
});

export const arbCustomDomain: fc.Arbitrary<CustomDomain> = fc.record({
  hostname: arbAnyString,
  accountId: arbAnyString,
  status: fc.constantFrom("pending", "active"),
  verificationToken: arbAnyString,
  createdAt: arbDate,
  verifiedAt: fc.option(arbDate),
});

const arbLimit = fc.integer({ min: 0, max: 1_000_000 });

export const arbApiKey: fc.Arbitrary<ApiKey> = fc.record({
  id: arbId("key_"),
  accountId: arbAnyString,
  hash: fc.stringMatching(/^[0-9a-f]{64}$/),
  createdAt: arbDate,
  revokedAt: fc.option(arbDate),
  apiAccess: fc.boolean(),
  limits: fc.option(
    fc.record({ perSecond: arbLimit, perHour: arbLimit, perMonth: arbLimit }, { requiredKeys: [] }),
  ),
  scopes: fc.subarray([...API_KEY_SCOPES]),
  domains: fc.option(
    fc.uniqueArray(fc.constantFrom("sho.rt", "go.example.com", "b.example"), { minLength: 1 }),
  ),
  expiresAt: fc.option(arbDate),
  lastUsedAt: fc.option(arbDate),
});

const arbDimensionValue = fc.oneof(
  fc.constantFrom(...TRICKY_VALUES, "", ".", "$", "%", "%2E", "a\u0000b"),
  arbAnyString,
);

/** Clicks on two links over three days, with values chosen to break naive field names. */
export const arbTrickyClick: fc.Arbitrary<ClassifiedClick> = fc.record({
  linkId: fc.constantFrom("lnk_a", "lnk_b"),
  day: fc.constantFrom("2026-03-14", "2026-03-15", "2026-03-16"),
  bot: fc.boolean(),
  device: arbDimensionValue,
  os: arbDimensionValue,
  browser: arbDimensionValue,
  country: fc.constantFrom("FR", "ZZ"),
  referrer: arbDimensionValue,
  visitor: fc.constantFrom("v1", "v2", "v3", "$v", "__proto__"),
  target: fc.oneof(fc.constantFrom("default", "rule:1", "variant:2"), arbDimensionValue),
});
