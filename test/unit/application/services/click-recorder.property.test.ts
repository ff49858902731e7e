import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../../../src/adapters/memory/in-memory-click-store.js";
import type { RedirectHit } from "../../../../src/application/ports/click-sink.js";
import {
  type ClassifiedClick,
  type ClickIncrement,
  foldClicks,
  mergeIncrements,
} from "../../../../src/domain/click/click.js";
import { referrerName } from "../../../../src/domain/click/referrer.js";
import { dayOf } from "../../../../src/domain/time/day.js";
import { FIXTURE_CLASSIFICATION, FlakyStore, recorder } from "./recorder-fixtures.js";

const { userAgents, geo, visitors } = FIXTURE_CLASSIFICATION;

/** A hit from a small pool of clients, so clients repeat, change user agent or referrer, and links share them. */
const arbHit: fc.Arbitrary<RedirectHit> = fc.record({
  linkId: fc.constantFrom("lnk_a", "lnk_b", "lnk_c"),
  at: fc.constantFrom(
    new Date("2026-03-15T12:00:00Z"),
    new Date("2026-03-15T23:59:59Z"),
    new Date("2026-03-16T00:00:00Z"),
  ),
  ip: fc.constantFrom("81.2.69.1", "81.2.69.2", "8.8.8.8", "2001:db8::1"),
  userAgent: fc.constantFrom("Mozilla/5.0 (iPhone)", "Mozilla/5.0 (Macintosh)", "Googlebot/2.1"),
  referrer: fc.constantFrom("", "https://m.facebook.com/story", "https://news.example/a"),
  headers: fc.constant({}),
  target: fc.constantFrom("default", "default", "default", "rule:1", "variant:2"),
});

/** What each hit is, classified on its own: the fold the recorder's shortcuts must not change. */
function classified(hit: RedirectHit): ClassifiedClick {
  const day = dayOf(hit.at);
  const agent = userAgents.parse(hit.userAgent);
  const none = { device: "", os: "", browser: "", country: "", referrer: "", visitor: "" };
  if (agent.bot) return { linkId: hit.linkId, day, bot: true, ...none, target: hit.target };
  return {
    linkId: hit.linkId,
    day,
    bot: false,
    device: agent.device,
    os: agent.os,
    browser: agent.browser,
    country: geo.locate(hit.ip, hit.headers).code,
    referrer: referrerName(hit.referrer),
    visitor: visitors.hash(day, hit.ip, hit.userAgent),
    target: hit.target,
  };
}

/** An increment as plain sorted data, to compare folds made in any order. */
function canonical(increments: readonly ClickIncrement[]) {
  return mergeIncrements(increments)
    .map((increment) => ({
      key: `${increment.linkId}/${increment.day}`,
      clicks: increment.clicks,
      botClicks: increment.botClicks,
      dimensions: [...increment.dimensions]
        .map(([dimension, values]) => [dimension, [...values].sort()] as const)
        .filter(([, values]) => values.length > 0)
        .sort(([a], [b]) => a.localeCompare(b)),
      visitors: [...increment.visitors].sort(),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe("ClickRecorder folding (property)", () => {
  it("stores, over any flushes, exactly the fold of every hit classified on its own", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(arbHit, { maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        async (rounds) => {
          const store = new FlakyStore(new InMemoryClickStore(), 0);
          const clicks = recorder(store);
          for (const round of rounds) {
            for (const hit of round) clicks.record(hit);
            await clicks.flush();
          }
          const stored = store.calls.flatMap((call) => call.increments);
          expect(canonical(stored)).toEqual(canonical(foldClicks(rounds.flat().map(classified))));
          expect(clicks.health().droppedClicks).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
