import { describe, expect, it } from "vitest";
import { RecordedClicks } from "../../../../src/application/services/recorded-clicks.js";
import type { ClickProfile } from "../../../../src/domain/click/click.js";

const profile = (n: number): ClickProfile => ({
  bot: false,
  device: n % 2 === 0 ? "Desktop" : "Mobile",
  os: "Linux",
  browser: "Firefox",
  country: "DE",
  referrer: `r${n % 3}.example`,
  visitor: `v${n}`,
});

describe("RecordedClicks", () => {
  it("gives back every click pushed, in order, across its blocks, and starts empty", () => {
    const clicks = new RecordedClicks();
    const at = Date.UTC(2026, 2, 15, 12);
    for (let i = 0; i < 10_000; i++)
      clicks.push(
        i % 5 === 0 ? "globex" : "acme",
        `lnk_${i}`,
        new Date(at + i),
        profile(i),
        i % 7 === 0 ? "rule:1" : "default",
      );
    expect(clicks.length).toBe(10_000);
    const taken = clicks.take();
    expect(taken).toHaveLength(10_000);
    taken.forEach((click, i) => {
      expect(click).toEqual({
        accountId: i % 5 === 0 ? "globex" : "acme",
        linkId: `lnk_${i}`,
        at: new Date(at + i),
        device: i % 2 === 0 ? "Desktop" : "Mobile",
        os: "Linux",
        browser: "Firefox",
        country: "DE",
        referrer: `r${i % 3}.example`,
        target: i % 7 === 0 ? "rule:1" : "default",
      });
    });
    expect(clicks.length).toBe(0);
    expect(clicks.take()).toEqual([]);
    clicks.push("acme", "lnk_again", new Date(at), profile(1), "default");
    expect(clicks.take().map((c) => c.linkId)).toEqual(["lnk_again"]);
  });
});
