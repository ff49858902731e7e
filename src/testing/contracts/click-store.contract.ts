import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClickStore } from "../../application/ports/click-store.js";
import { type ClickIncrement, DIMENSIONS, foldClicks } from "../../domain/click/click.js";
import { type ClickCounts, countsFromIncrements, toClickStats } from "../../domain/click/click-counts.js";
import { type DayRange, daysOf } from "../../domain/time/day.js";
import { arbClicks, arbRange, DAYS, LINK_IDS } from "../arbitraries.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";
import { clickStoreCapCases } from "./click-store-cap.contract.js";
import { clickStoreScopeCases } from "./click-store-scope.contract.js";

/** How a ClickStore adapter takes part in the contract. */
export interface ClickStoreHarness extends PortHarness<ClickStore> {
  /** Unique clicks are estimates (HyperLogLog): allowed off by 2% + 1. */
  approximateUniques?: boolean;
}

const FULL: DayRange = { start: DAYS[0] ?? "", end: DAYS[DAYS.length - 1] ?? "" };
const EMPTY_COUNTS = countsFromIncrements([], "none", FULL);

/** Counts as plain sorted data: days without clicks, zero counts and absent dimensions all look alike. */
function comparable(counts: ClickCounts) {
  return {
    days: [...counts.days]
      .filter(([, day]) => day.clicks !== 0 || day.botClicks !== 0)
      .map(([day, { clicks, botClicks }]) => ({ day, clicks, botClicks }))
      .sort((a, b) => (a.day < b.day ? -1 : 1)),
    dimensions: DIMENSIONS.map((dimension) => ({
      dimension,
      values: [...(counts.dimensions.get(dimension) ?? [])]
        .filter(([, count]) => count !== 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    })),
  };
}

/** Sums counts of several queries (uniques excepted: they do not add up). */
function sum(all: readonly ClickCounts[]): ClickCounts {
  const increments: ClickIncrement[] = all.flatMap((counts) => [
    {
      linkId: "sum",
      day: "2000-01-01",
      clicks: 0,
      botClicks: 0,
      dimensions: counts.dimensions,
      visitors: new Set(),
    },
    ...[...counts.days].map(([day, { clicks, botClicks }]) => ({
      linkId: "sum",
      day,
      clicks,
      botClicks,
      dimensions: new Map(),
      visitors: new Set<string>(),
    })),
  ]);
  return countsFromIncrements(increments, "sum", { start: "0000-01-01", end: "9999-12-31" });
}

let batches = 0;

/** A batch id no other add of this process used. */
function freshBatch(): string {
  batches += 1;
  return `contract-${process.pid}.${batches.toString(36)}`;
}

/** The shared ClickStore suite, with the domain fold as oracle; every adapter runs it. */
export function clickStoreContract(name: string, harness: ClickStoreHarness): void {
  const numRuns = harness.numRuns ?? 40;

  function expectCounts(actual: ClickCounts, expected: ClickCounts): void {
    expect(comparable(actual)).toEqual(comparable(expected));
    if (harness.approximateUniques) {
      expect(Math.abs(actual.uniqueClicks - expected.uniqueClicks)).toBeLessThanOrEqual(
        expected.uniqueClicks * 0.02 + 1,
      );
    } else {
      expect(actual.uniqueClicks).toBe(expected.uniqueClicks);
    }
  }

  /** Expects the store's counts of every link over all days to be those of the increments. */
  async function expectEveryLink(store: ClickStore, increments: readonly ClickIncrement[]): Promise<void> {
    for (const linkId of LINK_IDS) {
      expectCounts(await store.query(linkId, FULL), countsFromIncrements(increments, linkId, FULL));
    }
  }

  /** Checks a fresh store holding generated clicks, against the increments they fold to and a generated range. */
  function withStoredClicks(
    check: (store: ClickStore, increments: ClickIncrement[], range: DayRange) => Promise<void>,
  ): Promise<void> {
    const property = fc.asyncProperty(arbClicks(), arbRange(), async (clicks, range) => {
      const store = await harness.make();
      const increments = foldClicks(clicks);
      await store.add(increments, freshBatch());
      await check(store, increments, range);
    });
    return fc.assert(property, { numRuns });
  }

  describe(`ClickStore contract: ${name}`, () => {
    closeAfterAll(harness);
    clickStoreCapCases(() => harness.make(), freshBatch);
    clickStoreScopeCases(() => harness.make(), freshBatch, expectCounts, numRuns);

    it("counts clicks per rule and variant of a link-day (the default's are the rest), bots apart", async () => {
      const store = await harness.make();
      const click = {
        linkId: "lnk_targets",
        day: "2026-03-15",
        device: "Mobile",
        os: "iOS",
        browser: "Safari",
      };
      const human = { ...click, bot: false, country: "FR", referrer: "Direct", visitor: "v1" };
      const bot = { ...click, bot: true, country: "", referrer: "", visitor: "" };
      await store.add(
        foldClicks([
          { ...human, target: "rule:2" },
          { ...human, target: "rule:2", visitor: "v2" },
          { ...human, target: "variant:1" },
          { ...human, target: "default" },
          { ...bot, target: "rule:2" },
        ]),
        freshBatch(),
      );
      const counts = await store.query("lnk_targets", { start: "2026-03-15", end: "2026-03-15" });
      expect(Object.fromEntries(counts.dimensions.get("target") ?? [])).toEqual({
        "rule:2": 2,
        "variant:1": 1,
      });
      expect(counts.days.get("2026-03-15")).toEqual({ clicks: 4, botClicks: 1 });
      const range = { start: "2026-03-15", end: "2026-03-15" };
      expect(toClickStats(range, counts).breakdown.target).toEqual([
        { name: "rule:2", clicks: 2 },
        { name: "default", clicks: 1 },
        { name: "variant:1", clicks: 1 },
      ]);
    });

    it("answers zeros for a link it never saw", async () => {
      const store = await harness.make();
      await store.add(foldClicks([]), freshBatch());
      expectCounts(await store.query("lnk_unknown", FULL), EMPTY_COUNTS);
    });

    it("answers what the domain fold says, for every link and range", async () => {
      await withStoredClicks(async (store, increments, range) => {
        for (const linkId of [...LINK_IDS, "lnk_unknown"]) {
          for (const query of [FULL, range]) {
            expectCounts(await store.query(linkId, query), countsFromIncrements(increments, linkId, query));
          }
        }
      });
    });

    it("counts every dimension's values up to the total of human clicks", async () => {
      await withStoredClicks(async (store, _, range) => {
        for (const linkId of LINK_IDS) {
          const counts = await store.query(linkId, range);
          const total = [...counts.days.values()].reduce((all, day) => all + day.clicks, 0);
          for (const dimension of DIMENSIONS) {
            const values = [...(counts.dimensions.get(dimension) ?? new Map<string, number>()).values()];
            const sum = values.reduce((all, count) => all + count, 0);
            // Targets store no default (the clicks left over): their stored sum is at most the total.
            if (dimension === "target") expect(sum).toBeLessThanOrEqual(total);
            else expect(sum).toBe(total);
          }
          const listed = toClickStats(range, counts).breakdown.target;
          expect(listed.reduce((all, entry) => all + entry.clicks, 0)).toBe(total);
        }
      });
    });

    it("answers a range as the sum of its single days", async () => {
      await withStoredClicks(async (store, _, range) => {
        for (const linkId of LINK_IDS) {
          const whole = await store.query(linkId, range);
          const days = await Promise.all(
            daysOf(range).map((day) => store.query(linkId, { start: day, end: day })),
          );
          expect(comparable(whole)).toEqual(comparable(sum(days)));
          const dailyUniques = days.map((day) => day.uniqueClicks);
          const slack = harness.approximateUniques ? 1.02 : 1;
          expect(whole.uniqueClicks).toBeLessThanOrEqual(dailyUniques.reduce((a, b) => a + b, 0) * slack + 1);
          expect(whole.uniqueClicks * slack + 1).toBeGreaterThanOrEqual(Math.max(0, ...dailyUniques));
        }
      });
    });

    it("counts the same whether clicks come in one batch or two, in any order", async () => {
      await fc.assert(
        fc.asyncProperty(arbClicks(), arbClicks(), async (first, second) => {
          const store = await harness.make();
          await store.add(foldClicks(second), freshBatch());
          await store.add(foldClicks(first), freshBatch());
          await expectEveryLink(store, foldClicks([...first, ...second]));
        }),
        { numRuns },
      );
    });

    it("adding the same batch id twice counts once", async () => {
      await fc.assert(
        fc.asyncProperty(arbClicks(), async (clicks) => {
          const store = await harness.make();
          const increments = foldClicks(clicks);
          const batchId = freshBatch();
          await store.add(increments, batchId);
          await store.add(increments, batchId);
          await expectEveryLink(store, increments);
        }),
        { numRuns },
      );
    });

    it("two increments of one link and day in one batch both count", async () => {
      const linkId = LINK_IDS[0] ?? "";
      const day = DAYS[0] ?? "";
      const increment = (clicks: number, visitor: string): ClickIncrement => ({
        linkId,
        day,
        clicks,
        botClicks: 1,
        dimensions: new Map([["device", new Map([["Mobile", clicks]])]]),
        visitors: new Set([visitor]),
      });
      const store = await harness.make();
      await store.add([increment(1, "v1"), increment(2, "v2")], freshBatch());
      const counts = await store.query(linkId, FULL);
      expect([...counts.days]).toEqual([[day, { clicks: 3, botClicks: 2 }]]);
      expect(counts.dimensions.get("device")).toEqual(new Map([["Mobile", 3]]));
      expect(counts.uniqueClicks).toBe(2);

      await fc.assert(
        fc.asyncProperty(arbClicks(), arbClicks(), async (first, second) => {
          const mixed = await harness.make();
          const batch = [...foldClicks(first), ...foldClicks(second), ...foldClicks(first)];
          await mixed.add(batch, freshBatch());
          await expectEveryLink(mixed, foldClicks([...first, ...second, ...first]));
        }),
        { numRuns },
      );
    });

    it("a different batch id counts again", async () => {
      await fc.assert(
        fc.asyncProperty(arbClicks(), async (clicks) => {
          const store = await harness.make();
          await store.add(foldClicks(clicks), freshBatch());
          await store.add(foldClicks(clicks), freshBatch());
          await expectEveryLink(store, foldClicks([...clicks, ...clicks]));
        }),
        { numRuns },
      );
    });

    it("forgets a deleted link and keeps the others", async () => {
      await fc.assert(
        fc.asyncProperty(arbClicks(), fc.constantFrom(...LINK_IDS), async (clicks, deleted) => {
          const store = await harness.make();
          const increments = foldClicks(clicks);
          await store.add(increments, freshBatch());
          await store.deleteLink(deleted);
          for (const linkId of LINK_IDS) {
            const expected =
              linkId === deleted ? EMPTY_COUNTS : countsFromIncrements(increments, linkId, FULL);
            expectCounts(await store.query(linkId, FULL), expected);
          }
        }),
        { numRuns },
      );
    });
  });
}
