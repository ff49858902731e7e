import { describe, expect, it } from "vitest";
import {
  axisTicks,
  barChart,
  timeseriesChart,
  truncateLabel,
} from "../../../../../src/adapters/express/pages/charts.js";

const ariaLabel = (svg: string): string => /aria-label="([^"]*)"/.exec(svg)?.[1] ?? "";
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
const days = (count: number, clicks: (index: number) => number) =>
  Array.from({ length: count }, (_, index) => ({
    date: new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10),
    clicks: clicks(index),
  }));

function expectCspSafeSvg(svg: string): void {
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain('role="img"');
  expect(svg).toMatch(/<title>[^<]+<\/title>/);
  expect(svg).not.toMatch(/style=|<script|<style|\son\w+=/i);
}

describe("axisTicks", () => {
  it("gives round steps from zero to at least the maximum", () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(100)).toEqual([0, 50, 100]);
    const ticks = axisTicks(1234);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(1234);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});

describe("timeseriesChart", () => {
  it("renders an empty range as a labelled chart saying there is no data", () => {
    const svg = String(timeseriesChart([]));
    expectCspSafeSvg(svg);
    expect(ariaLabel(svg)).toBe("Clicks per day: no data for this period.");
    expect(texts(svg)).toEqual(["No data"]);
  });

  it("renders one day as one bar with one date label", () => {
    const svg = String(timeseriesChart([{ date: "2026-03-05", clicks: 5 }]));
    expectCspSafeSvg(svg);
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(ariaLabel(svg)).toBe("Clicks per day, Mar 5, 2026: 5 clicks.");
    expect(texts(svg).filter((t) => t.includes("2026"))).toEqual(["Mar 5, 2026"]);
  });

  it("draws y-axis ticks and the first and last dates", () => {
    const svg = String(timeseriesChart(days(10, (i) => i)));
    expect(texts(svg)).toEqual(["0", "5", "10", "Jan 1, 2024", "Jan 10, 2024"]);
    expect(ariaLabel(svg)).toBe(
      "Clicks per day, Jan 1, 2024 to Jan 10, 2024 (10 days): 45 clicks in total, busiest day Jan 10, 2024 with 9 clicks.",
    );
  });

  it("renders 366 days as an area with correct totals", () => {
    const svg = String(timeseriesChart(days(366, (i) => (i === 100 ? 2500 : 10))));
    expectCspSafeSvg(svg);
    expect(svg).not.toContain("<rect");
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(texts(svg)).toContain("Jan 1, 2024");
    expect(texts(svg)).toContain("Dec 31, 2024");
    expect(ariaLabel(svg)).toBe(
      "Clicks per day, Jan 1, 2024 to Dec 31, 2024 (366 days): 6,150 clicks in total, busiest day Apr 10, 2024 with 2,500 clicks.",
    );
  });

  it("says so when a range has no clicks", () => {
    const svg = String(timeseriesChart(days(7, () => 0)));
    expect(texts(svg)).toContain("No clicks yet");
    expect(ariaLabel(svg)).toContain(": no clicks.");
  });

  it("escapes a hostile title", () => {
    const svg = String(timeseriesChart([], { title: '"><script>x</script>' }));
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });
});

describe("barChart", () => {
  it("renders no data as 'No clicks yet'", () => {
    const svg = String(barChart([], { title: "Clicks by country" }));
    expectCspSafeSvg(svg);
    expect(texts(svg)).toEqual(["No clicks yet"]);
    expect(ariaLabel(svg)).toBe("Clicks by country: no clicks yet.");
  });

  it("summarises the values and their counts in its aria-label", () => {
    const items = [
      { name: "Canada", clicks: 1234 },
      { name: "France", clicks: 56 },
    ];
    const svg = String(barChart(items, { title: "Clicks by country" }));
    expectCspSafeSvg(svg);
    expect(ariaLabel(svg)).toBe("Clicks by country: Canada 1,234, France 56.");
    expect(svg).toContain("<title>Canada: 1,234 clicks (96%)</title>");
    expect(texts(svg)).toEqual(["Canada", "1,234", "France", "56"]);
  });

  it("truncates a very long label on screen but keeps it whole in the title", () => {
    const name = `https://${"very-long-referrer.".repeat(12)}example.com/a/path`;
    const svg = String(barChart([{ name, clicks: 3 }], { maxLabelChars: 30 }));
    const label = texts(svg)[0] ?? "";
    expect(label.endsWith("…")).toBe(true);
    expect(Array.from(label)).toHaveLength(30);
    expect(name.startsWith(label.slice(0, -1))).toBe(true);
    expect(svg).toContain(`<title>${name}: 3 clicks (100%)</title>`);
  });

  it("folds the rest of a long list into one row, and names it in the aria-label", () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ name: `site${i}.test`, clicks: 20 - i }));
    const svg = String(barChart(items, { maxBars: 5 }));
    expect(svg.match(/<g>/g)).toHaveLength(5);
    expect(texts(svg)).toContain("Other (8 more)");
    expect(ariaLabel(svg)).toBe(
      "Clicks: site0.test 20, site1.test 19, site2.test 18, site3.test 17, site4.test 16, and 7 more.",
    );
  });

  it("escapes names", () => {
    const svg = String(barChart([{ name: '<img src=x onerror="alert(1)">', clicks: 1 }]));
    expect(svg).not.toContain("<img");
    expect(svg).not.toContain('onerror="');
    expect(svg).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});

describe("truncateLabel", () => {
  it("never splits an emoji", () => {
    expect(truncateLabel("😀😀😀😀", 3)).toBe("😀😀…");
    expect(truncateLabel("short", 10)).toBe("short");
  });
});
