import fc from "fast-check";
import { expect, it } from "vitest";
import type { LinkRepository } from "../../application/ports/link-repository.js";
import type { Link } from "../../domain/link/link.js";
import type { RedirectRule } from "../../domain/link/redirect-rules.js";
import { arbIdSuffix, arbRedirectRules, arbSplitVariants } from "../arbitraries.js";
import { aLink } from "../builders.js";

/** Rules with every condition type, as the domain stores them (dates, CIDR, query pairs). */
export const EVERY_CONDITION: readonly RedirectRule[] = [
  {
    if: {
      device: ["Mobile", "Tablet"],
      os: ["iOS"],
      browser: ["Safari"],
      country: ["FR", "BE"],
      language: ["fr"],
      query: [
        { name: "utm.source", value: "$news" },
        { name: "ref", value: "*" },
      ],
      ip: ["10.0.0.0/8", "2001:db8::/32"],
      after: new Date("2026-01-01T00:00:00Z"),
      before: new Date("2027-01-01T00:00:00.123Z"),
    },
    url: "https://fr-mobile.example/",
  },
  { if: { country: ["US"] }, url: "https://us.example/" },
];

const VARIANTS = [
  { url: "https://a.example/", weight: 25 },
  { url: "https://b.example/", weight: 75 },
];

/** Where a link is read back: by id, by slug, and in its account's listing. */
async function readBack(repo: LinkRepository, link: Link): Promise<(Link | null | undefined)[]> {
  const page = await repo.listByAccount(link.accountId, { limit: 100, after: null });
  return [
    await repo.findById(link.id),
    await repo.findBySlug(link.domain, link.slug),
    page.links.find((listed) => listed.id === link.id),
  ];
}

/** The LinkRepository contract's cases on rules and variants (spec §8): kept whole, replaced, removed. */
export function linkTargetsCases(make: () => Promise<LinkRepository>, numRuns: number): void {
  it("keeps a link's rules (every condition type, dates to the millisecond) and variants", async () => {
    const repo = await make();
    const link = aLink().withRules(EVERY_CONDITION).withVariants(VARIANTS).build();
    await repo.create(link);
    expect(await readBack(repo, link)).toEqual([link, link, link]);
  });

  it("replaces rules and variants on update, and removes them with empty lists", async () => {
    const repo = await make();
    const link = aLink().withRules(EVERY_CONDITION).withVariants(VARIANTS).build();
    await repo.create(link);
    const replaced = {
      ...link,
      rules: EVERY_CONDITION.slice(1),
      updatedAt: new Date(link.updatedAt.getTime() + 1),
    };
    expect(await repo.update(replaced, link)).toBe(true);
    expect(await readBack(repo, link)).toEqual([replaced, replaced, replaced]);
    const removed = {
      ...replaced,
      rules: [],
      variants: [],
      updatedAt: new Date(replaced.updatedAt.getTime() + 1),
    };
    expect(await repo.update(removed, replaced)).toBe(true);
    expect(await readBack(repo, link)).toEqual([removed, removed, removed]);
  });

  it("hands out copies: changing a returned link's rules changes nothing stored", async () => {
    const repo = await make();
    const link = aLink().withRules(EVERY_CONDITION).build();
    await repo.create(link);
    const read = await repo.findById(link.id);
    const after = read?.rules[0]?.if.after;
    after?.setTime(0);
    (read?.rules as RedirectRule[] | undefined)?.pop();
    expect(await repo.findById(link.id)).toEqual(link);
  });

  it("keeps any rules and variants exactly (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbIdSuffix(),
        arbRedirectRules(),
        arbSplitVariants(),
        async (suffix, rules, variants) => {
          const repo = await make();
          const link = aLink().withId(`lnk_${suffix}`).withRules(rules).withVariants(variants).build();
          await repo.create(link);
          expect(await readBack(repo, link)).toEqual([link, link, link]);
        },
      ),
      { numRuns },
    );
  });
}
