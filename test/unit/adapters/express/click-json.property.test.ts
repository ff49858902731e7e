import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clickItem, clickJsonWriter } from "../../../../src/adapters/express/v1/webhook-json.js";
import type { RecordedClick } from "../../../../src/application/ports/event-publisher.js";

// Every instant toISOString spells, from the year -271821 to 275760.
const MAX_TIME = 8.64e15;
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", "Chrome", 'a"b\\c\n\u2028'),
);
const click: fc.Arbitrary<RecordedClick> = fc.record({
  accountId: fc.string(),
  linkId: text,
  at: fc
    .oneof(
      fc.integer({ min: -MAX_TIME, max: MAX_TIME }),
      fc.integer({ min: 1_700_000_000_000, max: 1_700_000_003_000 }),
    )
    .map((ms) => new Date(ms)),
  device: text,
  os: text,
  browser: text,
  country: text,
  referrer: text,
  target: text,
});

const template: RecordedClick = {
  accountId: "acme",
  linkId: "lnk_1",
  at: new Date(0),
  device: "Desktop",
  os: "Linux",
  browser: "Firefox",
  country: "DE",
  referrer: "news.example",
  target: "default",
};

describe("clickJsonWriter", () => {
  it("writes the very text JSON.stringify makes of the click's item, whatever came before it", () => {
    fc.assert(
      fc.property(fc.array(click, { maxLength: 40 }), (clicks) => {
        const write = clickJsonWriter();
        for (const c of clicks) expect(write(c)).toBe(JSON.stringify(clickItem(c)));
      }),
    );
  });

  it("spells every millisecond of a second, before 1970 and after 9999 too", () => {
    const write = clickJsonWriter();
    for (const base of [0, -1000, 1_700_000_000_000, 253_402_300_799_000, -62_198_755_200_000])
      for (let ms = 0; ms < 1000; ms++) {
        const c = { ...template, at: new Date(base + ms) };
        expect(write(c)).toBe(JSON.stringify(clickItem(c)));
      }
  });

  it("keeps writing right once its memo of quoted strings has started again", () => {
    const write = clickJsonWriter();
    const at = new Date("2026-03-15T12:00:00.007Z");
    for (let i = 0; i < 10_000; i++) {
      const c = {
        accountId: "a",
        linkId: `lnk_${i}`,
        at,
        device: "Desktop",
        os: "Linux",
        browser: "Firefox",
        country: "DE",
        referrer: `r${i % 5000}.example`,
        target: "default",
      };
      expect(write(c)).toBe(JSON.stringify(clickItem(c)));
    }
  });
});
