import { describe, expect, it } from "vitest";
import {
  type TrackingPageView,
  trackingPage,
} from "../../../../../src/adapters/express/views/tracking-page.js";
import type { ClickStats } from "../../../../../src/domain/click/click-counts.js";
import { expectCspSafe } from "./csp.js";

const stats: ClickStats = {
  start: "2026-01-01",
  end: "2026-01-03",
  totalClicks: 1500,
  uniqueClicks: 900,
  botClicks: 7,
  timeseries: [
    { date: "2026-01-01", clicks: 1000 },
    { date: "2026-01-02", clicks: 0 },
    { date: "2026-01-03", clicks: 500 },
  ],
  breakdown: {
    target: [],
    device: [{ name: "Desktop", clicks: 1500 }],
    os: [{ name: "Windows", clicks: 1500 }],
    browser: [{ name: "Firefox", clicks: 1500 }],
    country: [
      { name: "Canada", clicks: 1200 },
      { name: "Côte d’Ivoire", clicks: 300 },
    ],
    referrer: [],
  },
};

const view = (overrides: Partial<TrackingPageView> = {}): TrackingPageView => ({
  shortUrl: "https://hex.link/abc",
  destination: "https://example.com/landing",
  status: "active",
  createdAt: "2025-12-31T12:00:00.000Z",
  stats,
  qrUrl: "/abc/qr",
  formAction: "/t/lnk_123",
  ...overrides,
});

describe("trackingPage", () => {
  it("shows the link, its status and its totals", () => {
    const document = trackingPage(view());
    expect(document).toContain(">https://hex.link/abc</a>");
    expect(document).toContain(">https://example.com/landing</a>");
    expect(document).toContain('<span class="badge active">active</span>');
    expect(document).toContain("<dd>1,500</dd>");
    expect(document).toContain("<dd>900</dd>");
    expect(document).toContain("<dd>7</dd>");
    expect(document).toContain('<img src="/abc/qr"');
    expect(document).toContain('<a href="/abc/qr?format=png&amp;size=512" download>PNG</a>');
    expect(document).toContain('content="noindex"');
    expectCspSafe(document);
  });

  it("has a GET date-range form defaulting to the stats range", () => {
    const document = trackingPage(view());
    expect(document).toContain('<form class="range" method="get" action="/t/lnk_123">');
    expect(document).toContain('name="start" type="date" value="2026-01-01"');
    expect(document).toContain('name="end" type="date" value="2026-01-03"');
  });

  it("draws every chart with a table as its text equivalent", () => {
    const document = trackingPage(view());
    expect(document.match(/<svg class="chart /g)).toHaveLength(6);
    for (const title of ["Devices", "Operating systems", "Browsers", "Countries", "Referrers"]) {
      expect(document).toContain(`<figcaption>${title}</figcaption>`);
    }
    expect(document).toContain(
      '<td class="name">Côte d’Ivoire</td><td class="num">300</td><td class="num">20%</td>',
    );
    expect(document).toContain('<td class="name">Jan 2, 2026</td><td class="num">0</td>');
    expect(document).toContain('aria-label="Clicks by referrer: no clicks yet."');
  });

  it("gives each device its own bar", () => {
    const device = [
      { name: "Desktop", clicks: 3 },
      { name: "Mobile", clicks: 3 },
      { name: "Tablet", clicks: 1 },
    ];
    const document = trackingPage(view({ stats: { ...stats, breakdown: { ...stats.breakdown, device } } }));
    const devices = /<figcaption>Devices<\/figcaption>(.*?)<\/figure>/s.exec(document)?.[1] ?? "";
    expect(devices.match(/<g class="bar">/g)).toHaveLength(3);
    expect(devices).toContain("<title>Tablet: 1 click (14%)</title>");
  });

  it("escapes a malicious destination", () => {
    const destination = 'https://x.test/"><script>alert(1)</script>';
    const document = trackingPage(view({ destination, status: '"><b>' }));
    expect(document).not.toContain("<script>");
    expect(document).not.toContain(destination);
    expect(document).toContain("https://x.test/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(document).not.toContain("<b>");
    expectCspSafe(document);
  });

  it("shows a non-web destination as text, never as a link", () => {
    const document = trackingPage(view({ destination: "javascript:alert(1)" }));
    expect(document).not.toContain('href="javascript:');
  });
});
