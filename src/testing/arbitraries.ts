import fc from "fast-check";
import type { ClassifiedClick } from "../domain/click/click.js";
import type { RedirectRule } from "../domain/link/redirect-rules.js";
import type { SplitVariant } from "../domain/link/split-variants.js";
import type { Day, DayRange } from "../domain/time/day.js";

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
    target: fc.constantFrom("default", "rule:1", "rule:2", "variant:1", "variant:2"),
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

const arbInstant = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});

/**
 * Stored redirect rules (0–4) as a store must keep them: every condition type, any strings where a store should
 * not care (`text`), dates.
 */
export function arbRedirectRules(text: fc.Arbitrary<string> = arbValue()): fc.Arbitrary<RedirectRule[]> {
  const names = fc.array(text, { minLength: 1, maxLength: 3 });
  const conditions = fc.record(
    {
      device: fc.subarray(["Desktop", "Mobile", "Tablet", "Other"], { minLength: 1 }),
      os: names,
      browser: names,
      country: fc.array(fc.constantFrom("US", "FR", "DE", "JP"), { minLength: 1, maxLength: 3 }),
      language: fc.array(fc.constantFrom("en", "fr", "pt"), { minLength: 1, maxLength: 3 }),
      query: fc.array(fc.record({ name: text, value: text }), { minLength: 1, maxLength: 3 }),
      ip: fc.array(fc.constantFrom("10.0.0.0/8", "203.0.113.7/32", "2001:db8::/32"), {
        minLength: 1,
        maxLength: 2,
      }),
      after: arbInstant,
      before: arbInstant,
    },
    { requiredKeys: [] },
  );
  return fc.array(fc.record({ if: conditions, url: text }), { maxLength: 4 });
}

/** Stored split variants: none, or 2–4 with weights summing to 100. */
export function arbSplitVariants(text: fc.Arbitrary<string> = arbValue()): fc.Arbitrary<SplitVariant[]> {
  return fc.oneof(
    fc.constant<SplitVariant[]>([]),
    fc
      .tuple(fc.array(text, { minLength: 2, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }))
      .map(([urls, seed]) => {
        const weights = urls.map((_, index) => (index === 0 ? 100 - (urls.length - 1) : 1));
        // Move some weight around, deterministically from the seed, keeping each ≥ 1 and the sum 100.
        const shift = seed % (weights[0] ?? 1);
        weights[0] = (weights[0] ?? 0) - shift;
        weights[weights.length - 1] = (weights[weights.length - 1] ?? 0) + shift;
        return urls.map((url, index) => ({ url, weight: weights[index] ?? 1 }));
      }),
  );
}
