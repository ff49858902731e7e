import { describe, expect, it } from "vitest";
import { targetsOf } from "../../../src/domain/link/redirect-target.js";
import { targetCounts } from "../../../src/domain/link/target-counts.js";

const link = {
  destination: "https://example.com/",
  rules: [
    { if: { country: ["FR"] }, url: "https://fr.example/" },
    { if: { country: ["DE"] }, url: "https://de.example/" },
  ],
  variants: [],
};

describe("targetCounts", () => {
  it("lists every target the link has, with 0 when unclicked, then names it no longer has (url null)", () => {
    expect(
      targetCounts(targetsOf(link), [
        { name: "rule:2", clicks: 4 },
        { name: "variant:1", clicks: 4 },
        { name: "default", clicks: 1 },
      ]),
    ).toEqual([
      { name: "rule:2", url: "https://de.example/", clicks: 4 },
      { name: "variant:1", url: null, clicks: 4 },
      { name: "default", url: "https://example.com/", clicks: 1 },
      { name: "rule:1", url: "https://fr.example/", clicks: 0 },
    ]);
  });

  it("names variants instead of the default when the link has a split test", () => {
    const split = {
      ...link,
      rules: [],
      variants: [
        { url: "https://a.example/", weight: 10 },
        { url: "https://b.example/", weight: 90 },
      ],
    };
    expect(targetCounts(targetsOf(split), []).map((t) => t.name)).toEqual(["variant:1", "variant:2"]);
  });
});
