import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HostRoute, LinkCache } from "../../application/ports/link-cache.js";
import type { Link } from "../../domain/link/link.js";
import { aLink } from "../builders.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";

/** How a LinkCache adapter takes part in the contract. */
export interface LinkCacheHarness extends PortHarness<LinkCache> {
  /** Two caches on one shared backend (two instances), when the adapter spans instances. */
  makePair?(): Promise<[LinkCache, LinkCache]>;
}

const LINK = aLink().build();
const OTHER = aLink().withId("lnk_BBBBBBBBBBBBBBBBBBBBB").withSlug("other").build();
const DEFAULT_ROUTE: HostRoute = { domain: "sho.rt", owner: null };
const ACME_ROUTE: HostRoute = { domain: "links.acme.test", owner: "acme" };

/** Polls until `check` holds, for at most two seconds. */
async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

/** The shared LinkCache suite, written against the in-process LRU's semantics. */
export function linkCacheContract(name: string, harness: LinkCacheHarness): void {
  describe(`LinkCache contract: ${name}`, () => {
    closeAfterAll(harness);

    it("tells a miss (undefined) from a cached absence (null) and a cached link", async () => {
      const cache = await harness.make();
      expect(cache.getLink("sho.rt", "promo")).toBeUndefined();
      cache.setLink("sho.rt", "promo", LINK);
      cache.setLink("sho.rt", "gone", null);
      expect(cache.getLink("sho.rt", "promo")).toEqual(LINK);
      expect(cache.getLink("sho.rt", "gone")).toBeNull();
      expect(cache.getLink("other.test", "promo")).toBeUndefined();
    });

    it("keeps hosts apart from links", async () => {
      const cache = await harness.make();
      cache.setHost("sho.rt", DEFAULT_ROUTE);
      cache.setHost("links.acme.test", ACME_ROUTE);
      expect(cache.getHost("sho.rt")).toEqual(DEFAULT_ROUTE);
      expect(cache.getLink("sho.rt", "")).toBeUndefined();
      await cache.invalidateHost("sho.rt");
      expect(cache.getHost("sho.rt")).toBeUndefined();
      expect(cache.getHost("links.acme.test")).toEqual(ACME_ROUTE);
    });

    it("drops only the invalidated link", async () => {
      const cache = await harness.make();
      cache.setLink("sho.rt", "promo", LINK);
      cache.setLink("sho.rt", "other", OTHER);
      await cache.invalidateLink("sho.rt", "promo");
      expect(cache.getLink("sho.rt", "promo")).toBeUndefined();
      expect(cache.getLink("sho.rt", "other")).toEqual(OTHER);
    });

    it("never answers an entry that was invalidated after it was set", async () => {
      const op = fc.oneof(
        fc.record({
          kind: fc.constant("set" as const),
          slug: fc.constantFrom("a1x", "b2x"),
          gone: fc.boolean(),
        }),
        fc.record({ kind: fc.constant("invalidate" as const), slug: fc.constantFrom("a1x", "b2x") }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 20 }), async (ops) => {
          const cache = await harness.make();
          const model = new Map<string, Link | null>();
          for (const step of ops) {
            if (step.kind === "set") {
              const value = step.gone ? null : { ...LINK, slug: step.slug };
              cache.setLink("sho.rt", step.slug, value);
              model.set(step.slug, value);
            } else {
              await cache.invalidateLink("sho.rt", step.slug);
              model.delete(step.slug);
            }
            for (const slug of ["a1x", "b2x"]) {
              const answer = cache.getLink("sho.rt", slug);
              // A cache may always miss; what it answers must be the last value set since an invalidation.
              if (answer !== undefined) expect(answer).toEqual(model.get(slug));
            }
          }
        }),
        { numRuns: harness.numRuns ?? 40 },
      );
    });

    it.skipIf(harness.makePair === undefined)("invalidates a link and a host on every instance", async () => {
      const [a, b] = (await harness.makePair?.()) ?? [];
      if (a === undefined || b === undefined) return;
      for (const cache of [a, b]) {
        cache.setLink("sho.rt", "promo", LINK);
        cache.setLink("sho.rt", "other", OTHER);
        cache.setHost("links.acme.test", ACME_ROUTE);
      }
      await a.invalidateLink("sho.rt", "promo");
      expect(a.getLink("sho.rt", "promo")).toBeUndefined();
      await eventually(() => b.getLink("sho.rt", "promo") === undefined);
      expect(b.getLink("sho.rt", "other")).toEqual(OTHER);
      await b.invalidateHost("links.acme.test");
      expect(b.getHost("links.acme.test")).toBeUndefined();
      await eventually(() => a.getHost("links.acme.test") === undefined);
      expect(a.getLink("sho.rt", "other")).toEqual(OTHER);
    });
  });
}
