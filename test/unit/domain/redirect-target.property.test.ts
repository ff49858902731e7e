import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIpAddress } from "../../../src/domain/link/ip-range.js";
import type { RedirectRule, RuleConditions } from "../../../src/domain/link/redirect-rules.js";
import {
  chooseTarget,
  preferredLanguage,
  type RedirectTarget,
  type TargetedLink,
  targetsOf,
  type Visit,
} from "../../../src/domain/link/redirect-target.js";
import type { SplitVariant } from "../../../src/domain/link/split-variants.js";

interface Facts {
  readonly at: Date;
  readonly device: string;
  readonly os: string;
  readonly browser: string;
  readonly country: string;
  readonly language: string;
  readonly query: Readonly<Record<string, string>>;
  readonly ip: string;
  readonly visitor: string;
}

const FACTS: Facts = {
  at: new Date("2026-03-15T12:00:00Z"),
  device: "Mobile",
  os: "iOS",
  browser: "Safari",
  country: "FR",
  language: "fr",
  query: { utm_source: "news" },
  ip: "203.0.113.7",
  visitor: "visitor-1",
};

/** A visit with fixed facts that records which facts were asked for. */
function aVisit(changes: Partial<Facts> = {}): Visit & { readonly asked: Set<string> } {
  const facts = { ...FACTS, ...changes };
  const asked = new Set<string>();
  const ask = <T>(name: string, value: T): T => {
    asked.add(name);
    return value;
  };
  return {
    asked,
    at: facts.at,
    device: () => ask("device", facts.device),
    os: () => ask("os", facts.os),
    browser: () => ask("browser", facts.browser),
    country: () => ask("country", facts.country),
    language: () => ask("language", facts.language),
    query: (name) => ask("query", facts.query[name]),
    ip: () => ask("ip", parseIpAddress(facts.ip)),
    visitor: () => ask("visitor", facts.visitor),
  };
}

const DESTINATION = "https://example.com/default";

function aLink(rules: readonly RedirectRule[] = [], variants: readonly SplitVariant[] = []): TargetedLink {
  return { id: "lnk_AAAAAAAAAAAAAAAAAAAAA", destination: DESTINATION, rules, variants };
}

const ruleTo = (url: string, conditions: RuleConditions): RedirectRule => ({ if: conditions, url });
const target = (conditions: RuleConditions, visit: Visit = aVisit()): RedirectTarget =>
  chooseTarget(aLink([ruleTo("https://rule.example/", conditions)]), visit);

describe("chooseTarget: each condition", () => {
  it.each<[string, RuleConditions, RuleConditions]>([
    ["device", { device: ["Tablet", "Mobile"] }, { device: ["Desktop"] }],
    ["os, any letter case", { os: ["ios"] }, { os: ["Android"] }],
    ["browser, any letter case", { browser: ["SAFARI"] }, { browser: ["Chrome"] }],
    ["country", { country: ["FR", "BE"] }, { country: ["US"] }],
    ["language", { language: ["fr"] }, { language: ["en"] }],
    [
      "query value",
      { query: [{ name: "utm_source", value: "news" }] },
      { query: [{ name: "utm_source", value: "ads" }] },
    ],
    [
      "query present (*)",
      { query: [{ name: "utm_source", value: "*" }] },
      { query: [{ name: "ref", value: "*" }] },
    ],
    ["ip, IPv4", { ip: ["203.0.113.0/24"] }, { ip: ["198.51.100.0/24"] }],
    ["after (inclusive)", { after: FACTS.at }, { after: new Date(FACTS.at.getTime() + 1) }],
    ["before (exclusive)", { before: new Date(FACTS.at.getTime() + 1) }, { before: FACTS.at }],
    [
      "all conditions together",
      { country: ["FR"], device: ["Mobile"] },
      { country: ["FR"], device: ["Desktop"] },
    ],
  ])("%s: matching sends to the rule, not matching to the default", (_, yes, no) => {
    expect(target(yes)).toEqual({ name: "rule:1", url: "https://rule.example/" });
    expect(target(no)).toEqual({ name: "default", url: DESTINATION });
  });

  it("ip matches IPv6 clients and IPv4 clients seen through a dual-stack socket", () => {
    expect(target({ ip: ["2001:db8::/32"] }, aVisit({ ip: "2001:db8::42" })).name).toBe("rule:1");
    expect(target({ ip: ["203.0.113.0/24"] }, aVisit({ ip: "::ffff:203.0.113.9" })).name).toBe("rule:1");
    expect(target({ ip: ["203.0.113.0/24"] }, aVisit({ ip: "not an ip" })).name).toBe("default");
  });

  it("asks only for what the conditions need: a country rule parses no user agent, a plain link nothing", () => {
    const visit = aVisit();
    target({ country: ["US"] }, visit);
    expect([...visit.asked]).toEqual(["country"]);
    const plain = aVisit();
    chooseTarget(aLink(), plain);
    expect(plain.asked.size).toBe(0);
  });
});

describe("preferredLanguage", () => {
  it.each([
    ["fr-CH, fr;q=0.9, en;q=0.8", "fr"],
    ["en;q=0.5, de", "de"],
    ["pt-BR", "pt"],
    ["*", ""],
    ["", ""],
    ["en;q=0, *;q=0.1", ""],
    ["es, en", "es"],
    // A quality above 1 is a broken header's: it counts for nothing.
    ["en;q=5, fr", "fr"],
  ])("%j → %j", (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});

// Rules over facts a small pool of visits can both meet and miss.
const arbConditions: fc.Arbitrary<RuleConditions> = fc
  .record(
    {
      device: fc.subarray(["Desktop", "Mobile", "Tablet"], { minLength: 1 }),
      country: fc.subarray(["FR", "US", "DE"], { minLength: 1 }),
      language: fc.subarray(["fr", "en"], { minLength: 1 }),
      query: fc.subarray(
        [
          { name: "utm_source", value: "news" },
          { name: "utm_source", value: "*" },
          { name: "ref", value: "*" },
        ],
        { minLength: 1 },
      ),
      ip: fc.subarray(["203.0.113.0/24", "10.0.0.0/8", "2001:db8::/32"], { minLength: 1 }),
    },
    { requiredKeys: [] },
  )
  .filter((conditions) => Object.keys(conditions).length > 0);

const arbRules = fc.array(
  fc
    .tuple(arbConditions, fc.nat(99))
    .map(([conditions, n]) => ruleTo(`https://rule${n}.example/`, conditions)),
  { maxLength: 8 },
);

const arbVariants: fc.Arbitrary<SplitVariant[]> = fc.oneof(
  fc.constant<SplitVariant[]>([]),
  fc.integer({ min: 1, max: 99 }).map((first) => [
    { url: "https://a.example/", weight: first },
    { url: "https://b.example/", weight: 100 - first },
  ]),
);

const arbVisit = fc
  .record({
    device: fc.constantFrom("Desktop", "Mobile", "Tablet"),
    country: fc.constantFrom("FR", "US", "DE", "ZZ"),
    language: fc.constantFrom("fr", "en", ""),
    query: fc.constantFrom<Record<string, string>>(
      {},
      { utm_source: "news" },
      { utm_source: "ads", ref: "x" },
    ),
    ip: fc.constantFrom("203.0.113.7", "10.1.1.1", "2001:db8::1", "192.0.2.1"),
    visitor: fc.string({ minLength: 1, maxLength: 22 }),
  })
  .map((facts) => aVisit(facts));

const matchesAlone = (rule: RedirectRule, visit: Visit): boolean =>
  chooseTarget(aLink([rule]), visit).name === "rule:1";

describe("chooseTarget (properties)", () => {
  it("the first matching rule wins: the chosen rule matches, and no rule before it does", () => {
    fc.assert(
      fc.property(arbRules, arbVariants, arbVisit, (rules, variants, visit) => {
        const chosen = chooseTarget(aLink(rules, variants), visit);
        const first = rules.findIndex((rule) => matchesAlone(rule, visit));
        if (first === -1) {
          expect(chosen.name.startsWith("rule:")).toBe(false);
          return;
        }
        expect(chosen).toEqual({ name: `rule:${first + 1}`, url: rules[first]?.url });
      }),
      { numRuns: 300 },
    );
  });

  it("with no matching rule: a variant when there is a split test, otherwise the link's own URL", () => {
    fc.assert(
      fc.property(arbRules, arbVariants, arbVisit, (rules, variants, visit) => {
        fc.pre(!rules.some((rule) => matchesAlone(rule, visit)));
        const chosen = chooseTarget(aLink(rules, variants), visit);
        if (variants.length === 0) expect(chosen).toEqual({ name: "default", url: DESTINATION });
        else {
          const index = Number(chosen.name.replace("variant:", "")) - 1;
          expect(chosen.url).toBe(variants[index]?.url);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the same visitor id (the same visitor on the same UTC day) always gets the same variant", () => {
    fc.assert(
      fc.property(
        arbVariants,
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (variants, visitor, ms) => {
          const early = aVisit({ visitor, at: new Date(Date.parse("2026-03-15T00:00:00Z")) });
          const later = aVisit({ visitor, at: new Date(Date.parse("2026-03-15T00:00:00Z") + ms) });
          expect(chooseTarget(aLink([], variants), later)).toEqual(chooseTarget(aLink([], variants), early));
        },
      ),
    );
  });

  it("variant shares converge to their weights over many visitors", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 5 }).map((parts) => {
          // Whole weights of at least 1 summing to 100, in proportion to the parts.
          const total = parts.reduce((a, b) => a + b, 0);
          const weights = parts.map((part) => Math.max(1, Math.floor((part / total) * 100)));
          weights[0] = (weights[0] ?? 0) + 100 - weights.reduce((a, b) => a + b, 0);
          return weights;
        }),
        fc.string({ minLength: 1, maxLength: 8 }),
        (weights, salt) => {
          fc.pre(weights.every((weight) => weight >= 1));
          const variants = weights.map((weight, i) => ({ url: `https://v${i}.example/`, weight }));
          const link = aLink([], variants);
          const visitors = 20_000;
          const counts = new Map<string, number>();
          for (let i = 0; i < visitors; i++) {
            // Visitor ids as the daily hash makes them: base64url of random-looking bytes.
            const name = chooseTarget(link, aVisit({ visitor: `${salt}:${i.toString(36)}` })).name;
            counts.set(name, (counts.get(name) ?? 0) + 1);
          }
          weights.forEach((weight, i) => {
            const share = ((counts.get(`variant:${i + 1}`) ?? 0) / visitors) * 100;
            expect(Math.abs(share - weight)).toBeLessThan(2);
          });
        },
      ),
      { numRuns: 15 },
    );
  });

  it("the target is always one of the link's targets", () => {
    fc.assert(
      fc.property(arbRules, arbVariants, arbVisit, (rules, variants, visit) => {
        const link = aLink(rules, variants);
        expect(targetsOf(link)).toContainEqual(chooseTarget(link, visit));
      }),
    );
  });
});
