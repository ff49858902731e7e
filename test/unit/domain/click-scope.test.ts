import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ClickIncrement,
  type ClickOwner,
  foldClicks,
  LINK_DIMENSION,
} from "../../../src/domain/click/click.js";
import { isScopeId, scopeId, scopesOf, withScopes } from "../../../src/domain/click/click-scope.js";
import { arbClicks, LINK_IDS } from "../../../src/testing/arbitraries.js";

const arbOwner: fc.Arbitrary<ClickOwner> = fc.record({
  accountId: fc.constantFrom("a", "b", 'x"y'),
  domain: fc.constantFrom("sho.rt", "go.test:8080"),
  tags: fc.subarray(["red", "blue"]),
});

function owned(increments: ClickIncrement[], owners: readonly ClickOwner[]): ClickIncrement[] {
  return increments.map((increment) => {
    const owner = owners[LINK_IDS.indexOf(increment.linkId)];
    return owner === undefined ? increment : { ...increment, owner };
  });
}

describe("click scopes", () => {
  it("names each scope apart from links and from every other scope", () => {
    const ids = [
      scopeId({ accountId: "a" }),
      scopeId({ accountId: "a", tag: "b" }),
      scopeId({ accountId: "a", domain: "b" }),
      scopeId({ accountId: 'a","b' }),
      scopeId({ accountId: "a:b" }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isScopeId)).toBe(true);
    expect(isScopeId("lnk_AAAAAAAAAAAAAAAAAAAAA")).toBe(false);
    expect(scopesOf({ accountId: "a", domain: "d", tags: ["t"] })).toEqual([
      scopeId({ accountId: "a" }),
      scopeId({ accountId: "a", domain: "d" }),
      scopeId({ accountId: "a", tag: "t" }),
    ]);
  });

  it("keeps the increments and adds each owned one's clicks to its account, domain and tags, per link", () => {
    fc.assert(
      fc.property(arbClicks(), fc.array(arbOwner, { minLength: 3, maxLength: 3 }), (clicks, owners) => {
        const increments = owned(foldClicks(clicks), owners);
        const all = withScopes(increments);
        expect(all.slice(0, increments.length)).toEqual(increments);
        const scoped = all.slice(increments.length);
        for (const owner of owners) {
          for (const id of scopesOf(owner)) {
            const expected = increments.filter(
              (i) => i.owner !== undefined && scopesOf(i.owner).includes(id),
            );
            const mine = scoped.filter((increment) => increment.linkId === id);
            const sum = (list: ClickIncrement[], pick: (i: ClickIncrement) => number) =>
              list.reduce((total, increment) => total + pick(increment), 0);
            expect(sum(mine, (i) => i.clicks)).toBe(sum(expected, (i) => i.clicks));
            expect(sum(mine, (i) => i.botClicks)).toBe(sum(expected, (i) => i.botClicks));
            const byLink = new Map<string, number>();
            for (const increment of mine) {
              for (const [link, count] of increment.dimensions.get(LINK_DIMENSION) ?? []) {
                byLink.set(link, (byLink.get(link) ?? 0) + count);
              }
            }
            for (const linkId of LINK_IDS) {
              expect(byLink.get(linkId) ?? 0).toBe(
                sum(
                  expected.filter((i) => i.linkId === linkId),
                  (i) => i.clicks,
                ),
              );
            }
            expect(new Set(mine.map((increment) => increment.day)).size).toBe(mine.length);
          }
        }
      }),
    );
  });

  it("adds nothing for increments without an owner", () => {
    fc.assert(
      fc.property(arbClicks(), (clicks) => {
        const increments = foldClicks(clicks);
        expect(withScopes(increments)).toEqual(increments);
      }),
    );
  });
});
