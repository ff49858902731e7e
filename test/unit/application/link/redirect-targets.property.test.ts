import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InMemoryDomainRepository } from "../../../../src/adapters/memory/in-memory-domain-repository.js";
import { DestinationChecker } from "../../../../src/application/services/destination-checker.js";
import { checkLinkTargets } from "../../../../src/application/services/link-targets.js";
import { VisitFacts } from "../../../../src/application/services/visit-facts.js";
import { makeSettings } from "../../../../src/application/settings.js";
import { isDomainError } from "../../../../src/domain/errors/domain-error.js";
import { parseDestination } from "../../../../src/domain/link/destination.js";
import { chooseTarget, targetsOf } from "../../../../src/domain/link/redirect-target.js";
import { aDomainError } from "../../../support/builders.js";
import { testClassification } from "../../../support/test-classification.js";

const settings = makeSettings("https://sho.rt", { blockedDomains: ["evil.test"] });
const checker = new DestinationChecker(settings, new InMemoryDomainRepository());
const policy = { ownHosts: new Set(["sho.rt"]), blockedHosts: ["evil.test"], allowPrivate: false };

// URLs that pass, fail the syntax, loop to our own domain, are blocked or private.
const arbUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    "https://sho.rt/loop",
    "https://evil.test/x",
    "https://sub.evil.test/",
    "http://127.0.0.1/",
    "javascript:alert(1)",
    "https://user:pw@bank.test/",
    "HTTPS://Example.COM/a/../b",
  ),
);

describe("rule and variant URLs pass the link URL's destination checks (property)", () => {
  it("every stored rule and variant URL, and so every chosen target, passes parseDestination", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbUrl, { maxLength: 4 }),
        fc.array(arbUrl, { minLength: 2, maxLength: 2 }),
        fc.string(),
        async (ruleUrls, variantUrls, visitor) => {
          const input = {
            rules: ruleUrls.map((url) => ({ if: { country: ["FR"] }, url })),
            variants: variantUrls.map((url, i) => ({ url, weight: i === 0 ? 40 : 60 })),
          };
          let checked: Awaited<ReturnType<typeof checkLinkTargets>>;
          try {
            checked = await checkLinkTargets(checker, input);
          } catch (error) {
            // Refused: only with a destination code, naming the rule or variant at fault.
            expect(
              isDomainError(error) && ["invalid_destination", "destination_blocked"].includes(error.code),
            ).toBe(true);
            expect(String((error as Error).message)).toMatch(/^(rules|variants)\[\d\]\.url: /);
            return;
          }
          const link = {
            id: "lnk_AAAAAAAAAAAAAAAAAAAAA",
            destination: "https://example.com/",
            rules: checked.rules ?? [],
            variants: checked.variants ?? [],
          };
          for (const { url } of targetsOf(link)) expect(parseDestination(url, policy)).toBe(url);
          const visit = new VisitFacts(
            testClassification(),
            { ip: "203.0.113.7", userAgent: visitor, query: "", headers: { "cf-ipcountry": "FR" } },
            new Date("2026-03-15T12:00:00Z"),
          );
          const chosen = chooseTarget(link, visit);
          expect(parseDestination(chosen.url, policy)).toBe(chosen.url);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("names the variant whose URL is refused", async () => {
    await expect(
      checkLinkTargets(checker, {
        variants: [
          { url: "https://ok.example/", weight: 50 },
          { url: "https://evil.test/", weight: 50 },
        ],
      }),
    ).rejects.toEqual(
      aDomainError("destination_blocked", "variants[1].url: Links to 'evil.test' are not allowed."),
    );
  });
});

describe("VisitFacts with the real daily visitor hash (property)", () => {
  it("a visitor (IP and user agent) keeps its variant all through a UTC day", () => {
    const ports = testClassification();
    const link = {
      id: "lnk_AAAAAAAAAAAAAAAAAAAAA",
      destination: "https://example.com/",
      rules: [],
      variants: [
        { url: "https://a.example/", weight: 50 },
        { url: "https://b.example/", weight: 50 },
      ],
    };
    fc.assert(
      fc.property(fc.ipV4(), fc.string(), fc.nat(86_399_999), fc.nat(86_399_999), (ip, userAgent, a, b) => {
        const day = Date.parse("2026-03-15T00:00:00Z");
        const visit = (ms: number) =>
          new VisitFacts(ports, { ip, userAgent, query: "", headers: {} }, new Date(day + ms));
        expect(chooseTarget(link, visit(a))).toEqual(chooseTarget(link, visit(b)));
      }),
    );
  });
});
