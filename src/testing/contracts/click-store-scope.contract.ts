import fc from "fast-check";
import { expect, it } from "vitest";
import type { ClickStore } from "../../application/ports/click-store.js";
import {
  type ClickIncrement,
  type ClickOwner,
  foldClicks,
  LINK_DIMENSION,
} from "../../domain/click/click.js";
import { type ClickCounts, countsFromIncrements } from "../../domain/click/click-counts.js";
import { type AccountScope, scopeId, withScopes } from "../../domain/click/click-scope.js";
import type { DayRange } from "../../domain/time/day.js";
import { arbClicks, arbRange, DAYS, LINK_IDS } from "../arbitraries.js";

const ACCOUNTS = ["acct-a", "acct-b"] as const;
const DOMAINS = ["sho.rt", "go.acme.test"] as const;
const TAGS = ["red", "blue"] as const;
const FULL: DayRange = { start: DAYS[0] ?? "", end: DAYS[DAYS.length - 1] ?? "" };

/** Every scope the generated owners can reach, and a few they cannot. */
const SCOPES: readonly AccountScope[] = ACCOUNTS.flatMap((accountId) => [
  { accountId },
  ...DOMAINS.map((domain) => ({ accountId, domain })),
  ...TAGS.map((tag) => ({ accountId, tag })),
  { accountId, tag: "unused" },
]);

function arbOwners(): fc.Arbitrary<ClickOwner[]> {
  const owner = fc.record({
    accountId: fc.constantFrom(...ACCOUNTS),
    domain: fc.constantFrom(...DOMAINS),
    tags: fc.subarray([...TAGS]),
  });
  return fc.array(owner, { minLength: LINK_IDS.length, maxLength: LINK_IDS.length });
}

/** Clicks per link, as the link dimension of a scope counts them, sorted. */
function byLink(counts: ClickCounts): [string, number][] {
  return [...(counts.dimensions.get(LINK_DIMENSION) ?? [])]
    .filter(([, clicks]) => clicks !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The ClickStore contract's cases for account, domain and tag scopes: a store counts each owned increment in
 * its scopes too (the domain's `withScopes` is the oracle), and a link's own counts stay its own.
 */
export function clickStoreScopeCases(
  make: () => Promise<ClickStore>,
  freshBatch: () => string,
  expectCounts: (actual: ClickCounts, expected: ClickCounts) => void,
  numRuns: number,
): void {
  it("counts owned clicks in their account's, domain's and tags' scopes too, accounts apart", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbClicks(),
        arbOwners(),
        arbRange(),
        fc.boolean(),
        async (clicks, owners, range, split) => {
          const store = await make();
          const increments: ClickIncrement[] = foldClicks(clicks).map((increment) => {
            const owner = owners[LINK_IDS.indexOf(increment.linkId)];
            return owner === undefined ? increment : { ...increment, owner };
          });
          const half = split ? Math.floor(increments.length / 2) : increments.length;
          await store.add(increments.slice(0, half), freshBatch());
          if (half < increments.length) await store.add(increments.slice(half), freshBatch());
          // The oracle folds the batches as the store was given them.
          const stored = [...withScopes(increments.slice(0, half)), ...withScopes(increments.slice(half))];
          for (const scope of SCOPES) {
            for (const query of [FULL, range]) {
              const id = scopeId(scope);
              const actual = await store.query(id, query);
              const expected = countsFromIncrements(stored, id, query);
              expectCounts(actual, expected);
              expect(byLink(actual)).toEqual(byLink(expected));
            }
          }
          for (const linkId of LINK_IDS) {
            const own = await store.query(linkId, FULL);
            expectCounts(own, countsFromIncrements(increments, linkId, FULL));
            expect(byLink(own)).toEqual([]);
          }
        },
      ),
      { numRuns },
    );
  });

  it("a retried batch counts once in the scopes too", async () => {
    const store = await make();
    const owner: ClickOwner = { accountId: "acct-a", domain: "sho.rt", tags: ["red"] };
    const increment: ClickIncrement = {
      linkId: LINK_IDS[0] ?? "",
      day: DAYS[0] ?? "",
      clicks: 3,
      botClicks: 1,
      dimensions: new Map([["device", new Map([["Mobile", 3]])]]),
      visitors: new Set(["v1", "v2"]),
      owner,
    };
    const batch = freshBatch();
    await store.add([increment], batch);
    await store.add([increment], batch);
    for (const scope of [{ accountId: "acct-a" }, { accountId: "acct-a", tag: "red" }]) {
      const counts = await store.query(scopeId(scope), FULL);
      expect([...counts.days.values()]).toEqual([{ clicks: 3, botClicks: 1 }]);
      expect(byLink(counts)).toEqual([[increment.linkId, 3]]);
      expect(counts.uniqueClicks).toBe(2);
    }
    expect((await store.query(scopeId({ accountId: "acct-b" }), FULL)).days.size).toBe(0);
  });
}
