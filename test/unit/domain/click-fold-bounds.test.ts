import { describe, expect, it } from "vitest";
import {
  type ClassifiedClick,
  foldClicks,
  MAX_VALUES_PER_DIMENSION,
  OVERFLOW_VALUE,
} from "../../../src/domain/click/click.js";

const click = (index: number): ClassifiedClick => ({
  linkId: "lnk_bounded",
  day: "2026-11-22",
  bot: false,
  device: "Desktop",
  os: "Linux",
  browser: "Firefox",
  country: "CA",
  referrer: `spam-${index}.example`,
  visitor: `v${index % 10}`,
  target: "default",
});

describe("the fold's bounds on one bucket", () => {
  it("counts referrers past the bound under Other, keeping every click in the total and the sums", () => {
    const total = MAX_VALUES_PER_DIMENSION + 250;
    const [bucket] = foldClicks(Array.from({ length: total }, (_, index) => click(index)));
    const referrers = bucket?.dimensions.get("referrer");
    expect(bucket?.clicks).toBe(total);
    expect(referrers?.size).toBe(MAX_VALUES_PER_DIMENSION + 1);
    expect(referrers?.get(OVERFLOW_VALUE)).toBe(250);
    expect([...(referrers?.values() ?? [])].reduce((sum, count) => sum + count, 0)).toBe(total);
    expect(bucket?.dimensions.get("device")?.get("Desktop")).toBe(total);
  });

  it("keeps counting a value it already holds after the bound is reached", () => {
    const clicks = Array.from({ length: MAX_VALUES_PER_DIMENSION + 5 }, (_, index) => click(index));
    const [bucket] = foldClicks([...clicks, click(0), click(1)]);
    expect(bucket?.dimensions.get("referrer")?.get("spam-0.example")).toBe(2);
    expect(bucket?.dimensions.get("referrer")?.get(OVERFLOW_VALUE)).toBe(5);
  });
});
