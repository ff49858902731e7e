import { describe, expect, it } from "vitest";
import { trackingPage } from "../../../../../src/adapters/express/views/tracking-page.js";
import { countsFromIncrements, toClickStats } from "../../../../../src/domain/click/click-counts.js";
import { expectCspSafe } from "./csp.js";

const RANGE = { start: "2026-01-01", end: "2026-01-01" };
const base = {
  shortUrl: "https://sho.rt/promo",
  destination: "https://example.com/",
  status: "active",
  createdAt: "2026-01-01T00:00:00.000Z",
  stats: toClickStats(RANGE, countsFromIncrements([], "lnk_x", RANGE)),
  qrUrl: "/promo/qr",
  formAction: "/t/lnk_x",
};

describe("trackingPage: targets", () => {
  it("shows clicks per rule, variant and default with their URLs, escaped", () => {
    const document = trackingPage({
      ...base,
      targets: [
        { name: "rule:1", url: "https://fr.example/?a=1&b=<2>", clicks: 7 },
        { name: "variant:2", url: null, clicks: 2 },
        { name: "default", url: "https://example.com/", clicks: 1 },
      ],
    });
    expect(document).toContain("Targets: rules, variants and default");
    expect(document).toContain(
      '<td class="name">rule:1</td><td class="break"><a href="https://fr.example/?a=1&amp;b=&lt;2&gt;"',
    );
    expect(document).not.toContain("<2>");
    expect(document).toContain(
      '<td class="name">variant:2</td><td class="break"><span class="muted">–</span>',
    );
    expect(document).toMatch(/<td class="num">7<\/td><td class="num">70%<\/td>/);
    expectCspSafe(document);
  });

  it("shows no targets card for a link whose clicks all go to its own URL", () => {
    const document = trackingPage({
      ...base,
      targets: [{ name: "default", url: "https://example.com/", clicks: 3 }],
    });
    expect(document).not.toContain("Targets:");
    expect(trackingPage(base)).not.toContain("Targets:");
  });
});
