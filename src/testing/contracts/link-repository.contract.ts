import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LinkRepository } from "../../application/ports/link-repository.js";
import type { Link } from "../../domain/link/link.js";
import { arbIdSuffix } from "../arbitraries.js";
import { aDomainError, aLink } from "../builders.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";
import { linkBatchCases } from "./link-batches.cases.js";
import { linkListingProperties } from "./link-listing.properties.js";
import { linkTargetsCases } from "./link-targets.cases.js";

/** How a LinkRepository adapter takes part in the contract: `make` gives an empty one each time. */
export type LinkRepositoryHarness = PortHarness<LinkRepository>;

const ID_B = "lnk_BBBBBBBBBBBBBBBBBBBBB";
const ID_C = "lnk_CCCCCCCCCCCCCCCCCCCCC";

/** `ms` milliseconds after `date`: a later version's updatedAt. */
const later = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

/** The shared LinkRepository suite, written against the in-memory adapter's semantics. */
export function linkRepositoryContract(name: string, harness: LinkRepositoryHarness): void {
  const numRuns = harness.numRuns ?? 40;

  describe(`LinkRepository contract: ${name}`, () => {
    closeAfterAll(harness);

    it("finds a created link by id and by domain and slug", async () => {
      const repo = await harness.make();
      const link = aLink()
        .withPasswordHash("hash")
        .expiringAt("2027-01-01T00:00:00Z")
        .withMaxClicks(5)
        .build();
      await repo.create(link);
      expect(await repo.findById(link.id)).toEqual(link);
      expect(await repo.findBySlug(link.domain, link.slug)).toEqual(link);
    });

    it("keeps a link's title and tags, unicode included, and replaces them on update", async () => {
      const repo = await harness.make();
      const link = aLink().titled('Été 🦄 "sale" $x.y').taggedWith("summer", "promo_2026", "a-b").build();
      await repo.create(link);
      expect(await repo.findById(link.id)).toEqual(link);
      const next = { ...link, title: null, tags: ["promo_2026"], updatedAt: later(link.updatedAt, 1) };
      expect(await repo.update(next, link)).toBe(true);
      expect(await repo.findBySlug(link.domain, link.slug)).toEqual(next);
      expect(await repo.listByAccount(link.accountId, { limit: 5, after: null, tags: ["summer"] })).toEqual({
        links: [],
        next: null,
      });
      expect(await repo.tagCounts(link.accountId)).toEqual([{ name: "promo_2026", links: 1 }]);
      expect(await repo.tagCounts("another-account")).toEqual([]);
    });

    it("concurrent retags of one version: only the winner's tags are listed and counted", async () => {
      const repo = await harness.make();
      const link = aLink().taggedWith("start").build();
      await repo.create(link);
      const versions = ["a", "b", "c", "d"].map((tag, index) => ({
        ...link,
        tags: [tag, "shared"],
        updatedAt: later(link.updatedAt, index + 1),
      }));
      const won = await Promise.all(versions.map((version) => repo.update(version, link)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const stored = await repo.findById(link.id);
      const tags = stored?.tags ?? [];
      expect(tags).toContain("shared");
      expect(await repo.tagCounts(link.accountId)).toEqual(
        [...tags].sort().map((name) => ({ name, links: 1 })),
      );
      for (const tag of ["start", "a", "b", "c", "d"]) {
        const page = await repo.listByAccount(link.accountId, { limit: 5, after: null, tags: [tag] });
        expect(page.links.map((one) => one.id)).toEqual(tags.includes(tag) ? [link.id] : []);
      }
    });

    it("answers null for an unknown id, another domain or another letter case", async () => {
      const repo = await harness.make();
      const link = aLink().build();
      await repo.create(link);
      expect(await repo.findById(ID_B)).toBeNull();
      expect(await repo.findBySlug("other.test", link.slug)).toBeNull();
      expect(await repo.findBySlug(link.domain, link.slug.toUpperCase())).toBeNull();
    });

    it("refuses a taken slug with slug_taken and writes nothing", async () => {
      const repo = await harness.make();
      const first = aLink().build();
      await repo.create(first);
      await expect(repo.create(aLink().withId(ID_B).to("https://other.test/").build())).rejects.toEqual(
        aDomainError("slug_taken"),
      );
      expect(await repo.findById(ID_B)).toBeNull();
      expect(await repo.findBySlug(first.domain, first.slug)).toEqual(first);
      expect((await repo.listByAccount(first.accountId, { limit: 10, after: null })).links).toEqual([first]);
    });

    it("takes the same slug on another domain", async () => {
      const repo = await harness.make();
      await repo.create(aLink().build());
      const other = aLink().withId(ID_B).onDomain("links.acme.test").build();
      await repo.create(other);
      expect(await repo.findBySlug("links.acme.test", other.slug)).toEqual(other);
    });

    it("updates a link in place and never writes its click count", async () => {
      const repo = await harness.make();
      const link = aLink().withMaxClicks(10).build();
      await repo.create(link);
      await repo.consumeClick(link.id);
      await repo.consumeClick(link.id);
      const next = {
        ...link,
        destination: "https://example.com/new",
        status: "disabled" as const,
        clickCount: 0,
      };
      expect(await repo.update(next, link)).toBe(true);
      expect(await repo.findById(link.id)).toEqual({ ...next, clickCount: 2 });
      expect(await repo.findBySlug(link.domain, link.slug)).toEqual({ ...next, clickCount: 2 });
    });

    it("moves a link to a new slug and frees the old one", async () => {
      const repo = await harness.make();
      const link = aLink().build();
      await repo.create(link);
      const moved = { ...link, slug: "summer" };
      expect(await repo.update(moved, link)).toBe(true);
      expect(await repo.findBySlug(link.domain, "summer")).toEqual(moved);
      expect(await repo.findBySlug(link.domain, link.slug)).toBeNull();
      expect(await repo.findById(link.id)).toEqual(moved);
      await repo.create(aLink().withId(ID_B).build());
      expect((await repo.findBySlug(link.domain, link.slug))?.id).toBe(ID_B);
    });

    it("refuses to move onto a taken slug and leaves both links as they were", async () => {
      const repo = await harness.make();
      const link = aLink().build();
      const other = aLink().withId(ID_B).withSlug("taken").build();
      await repo.create(link);
      await repo.create(other);
      await expect(repo.update({ ...link, slug: "taken" }, link)).rejects.toEqual(aDomainError("slug_taken"));
      expect(await repo.findBySlug(link.domain, link.slug)).toEqual(link);
      expect(await repo.findBySlug(link.domain, "taken")).toEqual(other);
    });

    it("throws link_not_found for a missing link and claims nothing", async () => {
      const repo = await harness.make();
      const ghost = aLink().build();
      await expect(repo.update({ ...ghost, slug: "elsewhere" }, ghost)).rejects.toEqual(
        aDomainError("link_not_found"),
      );
      await repo.create(aLink().withId(ID_B).withSlug("elsewhere").build());
      expect((await repo.findBySlug(ghost.domain, "elsewhere"))?.id).toBe(ID_B);
    });

    it("deletes a link, frees its slug and forgets it; false when there is none", async () => {
      const repo = await harness.make();
      const link = aLink().build();
      await repo.create(link);
      expect(await repo.delete(link.id)).toBe(true);
      expect(await repo.delete(link.id)).toBe(false);
      expect(await repo.findById(link.id)).toBeNull();
      expect(await repo.findBySlug(link.domain, link.slug)).toBeNull();
      expect((await repo.listByAccount(link.accountId, { limit: 10, after: null })).links).toEqual([]);
      await repo.create(aLink().withId(ID_B).build());
      expect((await repo.findBySlug(link.domain, link.slug))?.id).toBe(ID_B);
    });

    it("counts clicks up to the budget even when consumed concurrently", async () => {
      const repo = await harness.make();
      const link = aLink().withMaxClicks(3).build();
      await repo.create(link);
      const counts = await Promise.all(Array.from({ length: 10 }, () => repo.consumeClick(link.id)));
      expect(counts.filter((count) => count !== null).sort()).toEqual([1, 2, 3]);
      expect((await repo.findById(link.id))?.clickCount).toBe(3);
      expect(await repo.consumeClick(link.id)).toBeNull();
      expect(await repo.consumeClick(ID_C)).toBeNull();
    });

    it("consumeClick honours the stored max_clicks, not a caller's copy", async () => {
      const repo = await harness.make();
      const link = aLink().withMaxClicks(5).build();
      await repo.create(link);
      expect(await repo.consumeClick(link.id)).toBe(1);
      expect(await repo.consumeClick(link.id)).toBe(2);
      // Lowered to the clicks already counted: spent, whatever budget a caller's copy still shows.
      const lowered = { ...link, maxClicks: 2, updatedAt: later(link.updatedAt, 1) };
      expect(await repo.update(lowered, link)).toBe(true);
      expect(await repo.consumeClick(link.id)).toBeNull();
      // Raised again: the stored budget gives one more click, then refuses.
      const raised = { ...lowered, maxClicks: 3, updatedAt: later(link.updatedAt, 2) };
      expect(await repo.update(raised, lowered)).toBe(true);
      expect(await repo.consumeClick(link.id)).toBe(3);
      expect(await repo.consumeClick(link.id)).toBeNull();
      // Removed: nothing left to refuse.
      const unlimited = { ...raised, maxClicks: null, updatedAt: later(link.updatedAt, 3) };
      expect(await repo.update(unlimited, raised)).toBe(true);
      expect(await repo.consumeClick(link.id)).toBe(4);
      expect((await repo.findById(link.id))?.clickCount).toBe(4);
    });

    it("an update based on a stale copy is refused and changes nothing", async () => {
      const repo = await harness.make();
      const link = aLink().build();
      await repo.create(link);
      const locked = { ...link, passwordHash: "hash", updatedAt: later(link.updatedAt, 1) };
      expect(await repo.update(locked, link)).toBe(true);
      const stale = {
        ...link,
        destination: "https://example.com/stale",
        updatedAt: later(link.updatedAt, 2),
      };
      expect(await repo.update(stale, link)).toBe(false);
      expect(await repo.findById(link.id)).toEqual(locked);
      expect(await repo.findBySlug(link.domain, link.slug)).toEqual(locked);
      // Based on the current version, the same change goes through.
      const fresh = {
        ...locked,
        destination: "https://example.com/stale",
        updatedAt: later(link.updatedAt, 3),
      };
      expect(await repo.update(fresh, locked)).toBe(true);
      expect(await repo.findById(link.id)).toEqual(fresh);
    });

    it("a stale update after a slug move neither claims the old slug again nor frees the new one", async () => {
      const repo = await harness.make();
      const link = aLink().build();
      await repo.create(link);
      const moved = { ...link, slug: "summer", updatedAt: later(link.updatedAt, 1) };
      expect(await repo.update(moved, link)).toBe(true);
      const at = (ms: number) => later(link.updatedAt, 1 + ms);
      // From the copy read before the move: the same slug, a third one, and the one it moved to.
      expect(
        await repo.update({ ...link, destination: "https://example.com/x", updatedAt: at(1) }, link),
      ).toBe(false);
      expect(await repo.update({ ...link, slug: "autumn", updatedAt: at(2) }, link)).toBe(false);
      expect(await repo.update({ ...link, slug: "summer", updatedAt: at(3) }, link)).toBe(false);
      expect(await repo.findById(link.id)).toEqual(moved);
      expect(await repo.findBySlug(link.domain, "summer")).toEqual(moved);
      expect(await repo.findBySlug(link.domain, link.slug)).toBeNull();
      expect(await repo.findBySlug(link.domain, "autumn")).toBeNull();
      // Neither the old slug nor the third one is held: other links take them at once.
      await repo.create(aLink().withId(ID_B).build());
      expect((await repo.findBySlug(link.domain, link.slug))?.id).toBe(ID_B);
      await repo.create(aLink().withId(ID_C).withSlug("autumn").build());
      expect((await repo.findBySlug(link.domain, "autumn"))?.id).toBe(ID_C);
      await expect(
        repo.create(aLink().withId("lnk_DDDDDDDDDDDDDDDDDDDDD").withSlug("summer").build()),
      ).rejects.toEqual(aDomainError("slug_taken"));
    });

    it("keeps exactly one of any number of concurrent creates of one slug", async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(arbIdSuffix(), { minLength: 2, maxLength: 8 }), async (suffixes) => {
          const repo = await harness.make();
          const links: Link[] = suffixes.map((suffix) => aLink().withId(`lnk_${suffix}`).build());
          const results = await Promise.allSettled(links.map((link) => repo.create(link)));
          const winners = links.filter((_, index) => results[index]?.status === "fulfilled");
          expect(winners).toHaveLength(1);
          for (const result of results) {
            if (result.status === "rejected") expect(result.reason).toEqual(aDomainError("slug_taken"));
          }
          expect((await repo.findBySlug("sho.rt", "promo"))?.id).toBe(winners[0]?.id);
          const listed = await repo.listByAccount("acme", { limit: 20, after: null });
          expect(listed.links.map((link) => link.id)).toEqual([winners[0]?.id]);
        }),
        { numRuns },
      );
    });

    linkListingProperties(harness.make, numRuns);
    linkTargetsCases(harness.make, numRuns);
    linkBatchCases(harness.make, numRuns);
  });
}
