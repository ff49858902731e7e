import fc from "fast-check";
import { expect, it } from "vitest";
import type { LinkQuery, LinkRepository } from "../../application/ports/link-repository.js";
import type { Link, LinkStatus } from "../../domain/link/link.js";
import { hasEveryTag, matchesSearch } from "../../domain/link/link-metadata.js";
import { arbIdSuffix } from "../arbitraries.js";
import { aLink } from "../builders.js";

const ACCOUNTS = ["acct-a", "acct-b"] as const;
const DOMAINS = ["sho.rt", "links.acme.test"] as const;
// Few distinct instants, so that many links share a creation time and ties are broken by id.
const INSTANTS = [0, 1, 2, 3].map((minute) => new Date(Date.UTC(2026, 0, 1, 0, minute)));
const TAGS = ["red", "green", "blue"] as const;
const TITLES = [null, "Summer Sale", "Ünïcode Über", "Promo S1X"] as const;
// Texts found in slugs (`s<n>x`), destinations (example.com/landing), titles, in any letter case, or nowhere.
const SEARCHES = ["S1", "x", "LANDING", "sale", "über", "zzz", "promo"] as const;

/** Newest first, ties by id descending: the order every listing must follow. */
function newestFirst(a: Link, b: Link): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function arbLinks(): fc.Arbitrary<Link[]> {
  const row = fc.record({
    suffix: arbIdSuffix(),
    account: fc.constantFrom(...ACCOUNTS),
    domain: fc.constantFrom(...DOMAINS),
    status: fc.constantFrom<LinkStatus>("active", "disabled"),
    at: fc.constantFrom(...INSTANTS),
    tags: fc.subarray([...TAGS]),
    title: fc.constantFrom(...TITLES),
  });
  return fc.uniqueArray(row, { maxLength: 30, selector: (r) => r.suffix }).map((rows) =>
    rows.map((r, index) =>
      aLink()
        .withId(`lnk_${r.suffix}`)
        .withSlug(`s${index}x`)
        .ownedBy(r.account)
        .onDomain(r.domain)
        .withStatus(r.status)
        .createdAt(r.at)
        .taggedWith(...r.tags)
        .titled(r.title)
        .build(),
    ),
  );
}

function arbFilter(): fc.Arbitrary<Pick<LinkQuery, "domain" | "status" | "tags" | "search">> {
  return fc.record(
    {
      domain: fc.constantFrom(...DOMAINS),
      status: fc.constantFrom<LinkStatus>("active", "disabled"),
      tags: fc.subarray([...TAGS], { minLength: 1 }),
      search: fc.constantFrom(...SEARCHES),
    },
    { requiredKeys: [] },
  );
}

/** Every page of a listing, following `next` until it is null. */
async function allPages(
  repo: LinkRepository,
  account: string,
  query: Omit<LinkQuery, "after">,
): Promise<Link[]> {
  const seen: Link[] = [];
  let after: LinkQuery["after"] = null;
  for (let page = 0; page < 100; page++) {
    const result = await repo.listByAccount(account, { ...query, after });
    expect(result.links.length).toBeLessThanOrEqual(query.limit);
    seen.push(...result.links);
    if (result.next === null) return seen;
    expect(result.links.length).toBe(query.limit);
    after = result.next;
  }
  throw new Error("The listing never ended.");
}

/** Listing properties of the LinkRepository contract, over generated links of two accounts. */
export function linkListingProperties(make: () => Promise<LinkRepository>, numRuns: number): void {
  it("lists exactly an account's links newest first through every page, filters applied", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbLinks(),
        fc.integer({ min: 1, max: 7 }),
        arbFilter(),
        async (links, limit, filter) => {
          const repo = await make();
          await Promise.all(links.map((link) => repo.create(link)));
          for (const account of ACCOUNTS) {
            const expected = links
              .filter((link) => link.accountId === account)
              .filter((link) => filter.domain === undefined || link.domain === filter.domain)
              .filter((link) => filter.status === undefined || link.status === filter.status)
              .filter((link) => filter.tags === undefined || hasEveryTag(link, filter.tags))
              .filter((link) => filter.search === undefined || matchesSearch(link, filter.search))
              .sort(newestFirst);
            expect(await allPages(repo, account, { limit, ...filter })).toEqual(expected);
          }
        },
      ),
      { numRuns },
    );
  });

  it("counts each tag's links per account through creates, retagging updates and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(arbLinks(), fc.array(fc.subarray([...TAGS])), async (links, retags) => {
        const repo = await make();
        for (const link of links) await repo.create(link);
        const current = new Map(links.map((link) => [link.id, link]));
        for (const [index, tags] of retags.entries()) {
          const link = links[index % Math.max(links.length, 1)];
          const stored = link === undefined ? undefined : current.get(link.id);
          if (stored === undefined) continue;
          const next = { ...stored, tags, updatedAt: new Date(stored.updatedAt.getTime() + 1) };
          expect(await repo.update(next, stored)).toBe(true);
          current.set(next.id, next);
        }
        for (const link of links.filter((_, index) => index % 4 === 1)) {
          expect(await repo.delete(link.id)).toBe(true);
          current.delete(link.id);
        }
        for (const account of ACCOUNTS) {
          const expected = [...TAGS]
            .sort()
            .map((name) => ({
              name,
              links: [...current.values()].filter((l) => l.accountId === account && l.tags.includes(name))
                .length,
            }))
            .filter((tag) => tag.links > 0);
          expect(await repo.tagCounts(account)).toEqual(expected);
        }
      }),
      { numRuns },
    );
  });

  it("drops deleted links from every page", async () => {
    await fc.assert(
      fc.asyncProperty(arbLinks(), fc.integer({ min: 1, max: 5 }), async (links, limit) => {
        const repo = await make();
        for (const link of links) await repo.create(link);
        const deleted = links.filter((_, index) => index % 3 === 0);
        for (const link of deleted) expect(await repo.delete(link.id)).toBe(true);
        const kept = links.filter((link) => !deleted.includes(link) && link.accountId === "acct-a");
        expect(await allPages(repo, "acct-a", { limit })).toEqual(kept.sort(newestFirst));
      }),
      { numRuns },
    );
  });
}
