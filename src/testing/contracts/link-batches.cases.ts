import fc from "fast-check";
import { expect, it } from "vitest";
import type { LinkRepository } from "../../application/ports/link-repository.js";
import type { Link } from "../../domain/link/link.js";
import { arbIdSuffix } from "../arbitraries.js";
import { aLink } from "../builders.js";

const DOMAINS = ["sho.rt", "links.acme.test"] as const;
const SLUGS = ["aaa", "bbb", "ccc", "ddd"] as const;

/** Links with unique ids whose (domain, slug) often collide, within the batch and with what is stored. */
function arbLinks(): fc.Arbitrary<Link[]> {
  const row = fc.record({
    suffix: arbIdSuffix(),
    domain: fc.constantFrom(...DOMAINS),
    slug: fc.constantFrom(...SLUGS),
  });
  return fc
    .uniqueArray(row, { maxLength: 12, selector: (r) => r.suffix })
    .map((rows) =>
      rows.map((r) => aLink().withId(`lnk_${r.suffix}`).onDomain(r.domain).withSlug(r.slug).build()),
    );
}

/** The batch methods of the LinkRepository contract: each answers as the single methods one by one would. */
export function linkBatchCases(make: () => Promise<LinkRepository>, numRuns: number): void {
  tagCases(make);
  it("createMany writes each link whose (domain, slug) is free, in order, first come first served", async () => {
    await fc.assert(
      fc.asyncProperty(arbLinks(), fc.integer({ min: 0, max: 12 }), async (links, split) => {
        const repo = await make();
        const stored = links.slice(0, split);
        for (const [index, created] of (await repo.createMany(stored)).entries()) {
          expect(created).toBe(firstOfItsSlug(stored, index));
        }
        const batch = links.slice(split);
        const answers = await repo.createMany(batch);
        const taken = new Set(stored.map(loc));
        batch.forEach((link, index) => {
          const expected = !taken.has(loc(link)) && firstOfItsSlug(batch, index);
          expect(answers[index]).toBe(expected);
        });
        for (const link of links) {
          const holder = await repo.findBySlug(link.domain, link.slug);
          const first = [...stored, ...batch].find((other) => loc(other) === loc(link));
          expect(holder?.id).toBe(first?.id);
        }
      }),
      { numRuns },
    );
  });

  it("createMany links are found, listed, and their refused ones leave nothing behind", async () => {
    const repo = await make();
    const first = aLink().withId("lnk_AAAAAAAAAAAAAAAAAAAAA").withSlug("one").build();
    const second = aLink().withId("lnk_BBBBBBBBBBBBBBBBBBBBB").withSlug("two").build();
    const clash = aLink().withId("lnk_CCCCCCCCCCCCCCCCCCCCC").withSlug("one").build();
    expect(await repo.createMany([first, second, clash])).toEqual([true, true, false]);
    expect(await repo.createMany([])).toEqual([]);
    expect(await repo.findById(first.id)).toEqual(first);
    expect(await repo.findById(clash.id)).toBeNull();
    const page = await repo.listByAccount(first.accountId, { limit: 10, after: null });
    expect(page.links.map((link) => link.id).sort()).toEqual([first.id, second.id]);
  });

  it("findByIds answers each id in order, null for the unknown", async () => {
    const repo = await make();
    const first = aLink().withId("lnk_AAAAAAAAAAAAAAAAAAAAA").withSlug("one").build();
    const second = aLink().withId("lnk_BBBBBBBBBBBBBBBBBBBBB").withSlug("two").build();
    await repo.createMany([first, second]);
    expect(await repo.findByIds([second.id, "lnk_ZZZZZZZZZZZZZZZZZZZZZ", first.id, second.id])).toEqual([
      second,
      null,
      first,
      second,
    ]);
    expect(await repo.findByIds([])).toEqual([]);
  });

  it("deleteMany deletes each existing link and frees its slug; false for the unknown", async () => {
    const repo = await make();
    const first = aLink().withId("lnk_AAAAAAAAAAAAAAAAAAAAA").withSlug("one").build();
    const second = aLink().withId("lnk_BBBBBBBBBBBBBBBBBBBBB").withSlug("two").build();
    const kept = aLink().withId("lnk_CCCCCCCCCCCCCCCCCCCCC").withSlug("three").build();
    await repo.createMany([first, second, kept]);
    expect(await repo.deleteMany([first.id, "lnk_ZZZZZZZZZZZZZZZZZZZZZ", second.id])).toEqual([
      true,
      false,
      true,
    ]);
    expect(await repo.findByIds([first.id, second.id, kept.id])).toEqual([null, null, kept]);
    expect(await repo.findBySlug(first.domain, "one")).toBeNull();
    expect((await repo.listByAccount(kept.accountId, { limit: 10, after: null })).links).toEqual([kept]);
    expect(await repo.deleteMany([first.id])).toEqual([false]);
    const again = aLink().withId("lnk_DDDDDDDDDDDDDDDDDDDDD").withSlug("one").build();
    expect(await repo.createMany([again])).toEqual([true]);
  });
}

/** The batch methods keep an account's tags as the single ones do: counts and the tag filter. */
function tagCases(make: () => Promise<LinkRepository>): void {
  it("createMany and deleteMany count tags and index them for the tag filter, as create and delete do", async () => {
    const repo = await make();
    const first = aLink()
      .withId("lnk_AAAAAAAAAAAAAAAAAAAAA")
      .withSlug("one")
      .taggedWith("news", "promo")
      .build();
    const second = aLink().withId("lnk_BBBBBBBBBBBBBBBBBBBBB").withSlug("two").taggedWith("news").build();
    expect(await repo.createMany([first, second])).toEqual([true, true]);
    expect(await repo.tagCounts(first.accountId)).toEqual([
      { name: "news", links: 2 },
      { name: "promo", links: 1 },
    ]);
    const tagged = await repo.listByAccount(first.accountId, { limit: 10, after: null, tags: ["promo"] });
    expect(tagged.links.map((link) => link.id)).toEqual([first.id]);
    expect(await repo.deleteMany([first.id])).toEqual([true]);
    expect(await repo.tagCounts(first.accountId)).toEqual([{ name: "news", links: 1 }]);
    expect(
      (await repo.listByAccount(first.accountId, { limit: 10, after: null, tags: ["promo"] })).links,
    ).toEqual([]);
  });
}

function loc(link: Link): string {
  return `${link.domain}/${link.slug}`;
}

function firstOfItsSlug(links: readonly Link[], index: number): boolean {
  const link = links[index];
  return link !== undefined && links.findIndex((other) => loc(other) === loc(link)) === index;
}
