import fc from "fast-check";
import type { ApiKey } from "../../src/domain/api-key/api-key.js";
import type { ClassifiedClick } from "../../src/domain/click/click.js";
import type { CustomDomain } from "../../src/domain/custom-domain/custom-domain.js";
import type { Link } from "../../src/domain/link/link.js";
import type { Day, DayRange } from "../../src/domain/time/day.js";

/** Strings that break stores keying by object properties, dotted paths or `$` operators, and non-ASCII. */
export const TRICKY_VALUES: readonly string[] = [
  "m.facebook.com",
  "t.co",
  "$x",
  "$ref",
  "a.b.c",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "toString",
  "Direct",
  "Unknown",
  "日本語",
  "Ünïcödé",
  "🦄",
  "with space",
  "a:b",
  "{}",
];

/** A few link ids, so that generated clicks share links. */
export const LINK_IDS: readonly string[] = ["lnk_alpha", "lnk_beta", "lnk_gamma"];

/** A few consecutive UTC days across a year boundary, so that day order is not plain string luck. */
export const DAYS: readonly Day[] = ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03"];

/** Any dimension value: common names, tricky strings, random ASCII and random unicode (never empty). */
export function arbValue(common: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...common, ...TRICKY_VALUES),
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }),
  );
}

/** A range of {@link DAYS}: start ≤ end. */
export function arbRange(): fc.Arbitrary<DayRange> {
  const index = fc.integer({ min: 0, max: DAYS.length - 1 });
  return fc.tuple(index, index).map(([a, b]) => ({
    start: DAYS[Math.min(a, b)] ?? "2025-12-30",
    end: DAYS[Math.max(a, b)] ?? "2025-12-30",
  }));
}

/** A classified click on one of {@link LINK_IDS} and {@link DAYS}; one in five is a bot. */
export function arbClassifiedClick(): fc.Arbitrary<ClassifiedClick> {
  return fc.record({
    linkId: fc.constantFrom(...LINK_IDS),
    day: fc.constantFrom(...DAYS),
    bot: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    device: fc.constantFrom("Desktop", "Mobile", "Tablet", "Other"),
    os: arbValue(["iOS", "Android", "Windows", "macOS"]),
    browser: arbValue(["Chrome", "Safari", "Samsung Internet"]),
    country: fc.constantFrom("US", "FR", "DE", "JP", "BR", "ZZ"),
    referrer: arbValue(["Direct", "m.facebook.com", "com.linkedin.android"]),
    // A small pool, so that the same visitor comes back on the same and on other days.
    visitor: fc.constantFrom("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "$v", "__proto__"),
  });
}

/** Up to 80 classified clicks. */
export function arbClicks(): fc.Arbitrary<ClassifiedClick[]> {
  return fc.array(arbClassifiedClick(), { maxLength: 80, size: "max" });
}

/** The 21 characters after an id's prefix (`lnk_`, `key_`), as the id generator makes them. */
export function arbIdSuffix(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[A-Za-z0-9_-]{21}$/);
}

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
  clickCount: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  createdAt: arbDate,
  updatedAt: arbDate,
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
});
