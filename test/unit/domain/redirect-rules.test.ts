import { describe, expect, it } from "vitest";
import { MAX_RULES, parseRedirectRules, type RuleInput } from "../../../src/domain/link/redirect-rules.js";
import { parseSplitVariants } from "../../../src/domain/link/split-variants.js";
import { aDomainError } from "../../support/builders.js";

const URL_A = "https://a.example/";
const rule = (conditions: RuleInput["if"]): RuleInput => ({ if: conditions, url: URL_A });

describe("parseRedirectRules", () => {
  it("keeps every condition type, canonical: device names, upper-case countries, lower-case languages, CIDR", () => {
    const after = new Date("2026-01-01T00:00:00Z");
    const before = new Date("2026-02-01T00:00:00Z");
    expect(
      parseRedirectRules([
        rule({
          device: ["mobile", "Tablet", "MOBILE"],
          os: [" iOS "],
          browser: ["Chrome"],
          country: ["fr", "CA"],
          language: ["EN", "pt"],
          query: { utm_source: "news", ref: "*" },
          ip: ["10.1.2.3/8", "2001:DB8::1/32"],
          after,
          before,
        }),
      ]),
    ).toEqual([
      {
        if: {
          device: ["Mobile", "Tablet"],
          os: ["iOS"],
          browser: ["Chrome"],
          country: ["FR", "CA"],
          language: ["en", "pt"],
          query: [
            { name: "utm_source", value: "news" },
            { name: "ref", value: "*" },
          ],
          ip: ["10.0.0.0/8", "2001:db8::/32"],
          after,
          before,
        },
        url: URL_A,
      },
    ]);
  });

  it("stores no key for a condition not given", () => {
    const [parsed] = parseRedirectRules([rule({ country: ["US"] })]);
    expect(Object.keys(parsed?.if ?? {})).toEqual(["country"]);
  });

  it.each<[string, RuleInput["if"], RegExp]>([
    ["no condition", {}, /rules\[0\]\.if needs at least one condition/],
    [
      "an unknown device",
      { device: ["Phone"] },
      /rules\[0\]\.if\.device: "Phone" is none of Desktop, Mobile/,
    ],
    ["an empty list", { country: [] }, /rules\[0\]\.if\.country must list 1 to 50 values/],
    ["a country of three letters", { country: ["FRA"] }, /not an ISO 3166 alpha-2 code/],
    ["a language with a region", { language: ["en-US"] }, /not a primary language tag/],
    ["a bad CIDR", { ip: ["10.0.0.0/40"] }, /"10\.0\.0\.0\/40" is not an IPv4 or IPv6 CIDR range/],
    ["an empty query", { query: {} }, /query must name 1 to 50 parameters/],
    ["a blank os name", { os: ["  "] }, /if\.os: each name must be 1 to 100 characters/],
    [
      "after not before before",
      { after: new Date("2026-02-01T00:00:00Z"), before: new Date("2026-01-01T00:00:00Z") },
      /after must be earlier than before/,
    ],
    ["an invalid date", { after: new Date("nope") }, /if\.after is not a valid date/],
  ])("refuses %s with invalid_request", (_, conditions, message) => {
    expect(() => parseRedirectRules([rule(conditions)])).toThrow(aDomainError("invalid_request"));
    expect(() => parseRedirectRules([rule(conditions)])).toThrow(message);
  });

  it("repeats a refused value clipped to 40 characters", () => {
    expect(() => parseRedirectRules([rule({ country: ["x".repeat(5000)] })])).toThrow(
      `rules[0].if.country: "${"x".repeat(40)}…" is not an ISO 3166 alpha-2 code.`,
    );
  });

  it(`refuses more than ${MAX_RULES} rules`, () => {
    const rules = Array.from({ length: MAX_RULES + 1 }, () => rule({ country: ["US"] }));
    expect(() => parseRedirectRules(rules)).toThrow(
      aDomainError("invalid_request", "A link has at most 25 rules."),
    );
    expect(parseRedirectRules(rules.slice(1))).toHaveLength(MAX_RULES);
  });
});

describe("parseSplitVariants", () => {
  it("keeps 2–10 variants whose weights sum to 100; an empty list is no split test", () => {
    expect(parseSplitVariants([])).toEqual([]);
    const variants = [
      { url: URL_A, weight: 30 },
      { url: "https://b.example/", weight: 70 },
    ];
    expect(parseSplitVariants(variants)).toEqual(variants);
  });

  it.each([
    ["one variant", [{ url: URL_A, weight: 100 }], /2 to 10 variants/],
    ["eleven variants", Array.from({ length: 11 }, () => ({ url: URL_A, weight: 9 })), /2 to 10 variants/],
    [
      "a weight of 0",
      [
        { url: URL_A, weight: 0 },
        { url: URL_A, weight: 100 },
      ],
      /variants\[0\]\.weight must be/,
    ],
    [
      "a fractional weight",
      [
        { url: URL_A, weight: 50.5 },
        { url: URL_A, weight: 49.5 },
      ],
      /weight must be a whole/,
    ],
    [
      "weights summing to 90",
      [
        { url: URL_A, weight: 40 },
        { url: URL_A, weight: 50 },
      ],
      /sum to 100 \(they sum to 90\)/,
    ],
  ])("refuses %s with invalid_request", (_, variants, message) => {
    expect(() => parseSplitVariants(variants)).toThrow(aDomainError("invalid_request"));
    expect(() => parseSplitVariants(variants)).toThrow(message);
  });
});
