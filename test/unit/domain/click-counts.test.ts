import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClassifiedClick, foldClicks } from "../../../src/domain/click/click.js";
import { countsFromIncrements, sortedCounts, toClickStats } from "../../../src/domain/click/click-counts.js";

const RANGE = { start: "2026-03-01", end: "2026-03-03" };

const aClick = (overrides: Partial<ClassifiedClick> = {}): ClassifiedClick => ({
  linkId: "lnk_a",
  day: "2026-03-02",
  bot: false,
  device: "Desktop",
  os: "Linux",
  browser: "Firefox",
  country: "FR",
  referrer: "Direct",
  visitor: "v1",
  target: "default",
  ...overrides,
});

const statsOf = (clicks: readonly ClassifiedClick[], linkId = "lnk_a") =>
  toClickStats(RANGE, countsFromIncrements(foldClicks(clicks), linkId, RANGE));

describe("click folding and stats", () => {
  it("counts human clicks per day and dimension, and distinct visitors", () => {
    const stats = statsOf([
      aClick(),
      aClick({ browser: "Safari", visitor: "v2" }),
      aClick({ day: "2026-03-03" }),
    ]);
    expect(stats.totalClicks).toBe(3);
    expect(stats.uniqueClicks).toBe(2);
    expect(stats.timeseries).toEqual([
      { date: "2026-03-01", clicks: 0 },
      { date: "2026-03-02", clicks: 2 },
      { date: "2026-03-03", clicks: 1 },
    ]);
    expect(stats.breakdown.browser).toEqual([
      { name: "Firefox", clicks: 2 },
      { name: "Safari", clicks: 1 },
    ]);
  });

  it("counts bots apart and lets them touch nothing else", () => {
    const stats = statsOf([aClick(), aClick({ bot: true, visitor: "bot", country: "US" })]);
    expect(stats).toMatchObject({ totalClicks: 1, uniqueClicks: 1, botClicks: 1 });
    expect(stats.breakdown.country).toEqual([{ name: "FR", clicks: 1 }]);
  });

  it("leaves out other links and days outside the range", () => {
    const stats = statsOf([
      aClick({ linkId: "lnk_b" }),
      aClick({ day: "2026-02-28" }),
      aClick({ day: "2026-03-04" }),
    ]);
    expect(stats.totalClicks).toBe(0);
    expect(stats.uniqueClicks).toBe(0);
  });

  it("stores no default target and shows the clicks no other target took as the default's", () => {
    const clicks = [
      aClick({ target: "rule:1" }),
      aClick(),
      aClick(),
      aClick({ target: "variant:2", bot: true }),
    ];
    const increments = foldClicks(clicks);
    expect(increments[0]?.dimensions.get("target")).toEqual(new Map([["rule:1", 1]]));
    expect(statsOf(clicks).breakdown.target).toEqual([
      { name: "default", clicks: 2 },
      { name: "rule:1", clicks: 1 },
    ]);
    // Clicks counted before targets existed carry no target at all: every one is the default's.
    const before = { ...increments[0], dimensions: new Map() } as (typeof increments)[number];
    const stats = toClickStats(RANGE, countsFromIncrements([before], "lnk_a", RANGE));
    expect(stats.breakdown.target).toEqual([{ name: "default", clicks: 3 }]);
  });

  it("sorts a breakdown by clicks, most first, then by name, and drops zero counts", () => {
    const values = new Map([
      ["b", 2],
      ["a", 2],
      ["c", 5],
      ["z", 0],
    ]);
    expect(sortedCounts(values).map((entry) => entry.name)).toEqual(["c", "a", "b"]);
  });

  it("the order of clicks does not matter (property)", () => {
    const click = fc.record({
      linkId: fc.constantFrom("lnk_a", "lnk_b"),
      day: fc.constantFrom("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"),
      bot: fc.boolean(),
      device: fc.constantFrom("Desktop", "Mobile"),
      os: fc.constantFrom("Linux", "iOS"),
      browser: fc.constantFrom("Firefox", "Safari"),
      country: fc.constantFrom("FR", "US", "ZZ"),
      referrer: fc.constantFrom("Direct", "news.test", "$x.y"),
      visitor: fc.constantFrom("v1", "v2", "v3"),
      target: fc.constantFrom("default", "rule:1", "variant:2"),
    });
    const clicksAndOrder = fc
      .array(click, { maxLength: 30 })
      .chain((clicks) =>
        fc.tuple(fc.constant(clicks), fc.shuffledSubarray(clicks, { minLength: clicks.length })),
      );
    fc.assert(
      fc.property(clicksAndOrder, ([clicks, shuffled]) => {
        expect(statsOf(shuffled)).toEqual(statsOf(clicks));
        const humans = clicks.filter((c) => c.linkId === "lnk_a" && c.day <= RANGE.end && !c.bot).length;
        expect(statsOf(clicks).totalClicks).toBe(humans);
      }),
      { numRuns: 100 },
    );
  });
});
