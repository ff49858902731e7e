import { describe, expect, it } from "vitest";
import {
  axisTicks,
  barChart,
  timeseriesChart,
  truncateLabel,
} from "../../../../../src/adapters/express/views/charts.js";

const ariaLabel = (svg: string): string => /aria-label="([^"]*)"/.exec(svg)?.[1] ?? "";
/** The text of each `<text>`, its `<tspan>`s joined by a space. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
const attribute = (tag: string, name: string): string =>
  new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
const tags = (svg: string, name: string): string[] => svg.match(new RegExp(`<${name}\\s[^>]*>`, "g")) ?? [];
const days = (count: number, clicks: (index: number) => number) =>
  Array.from({ length: count }, (_, index) => ({
    date: new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10),
    clicks: clicks(index),
  }));

function expectCspSafeSvg(svg: string): void {
  expect(svg.startsWith("<svg")).toBe(true);
  // Responsive without shrinking its text: the outer drawing stretches to its container, no viewBox.
  const outer = tags(svg, "svg")[0] ?? "";
  expect(attribute(outer, "width")).toBe("100%");
  expect(outer).not.toContain("viewBox");
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

  it("renders one day as one narrow centred bar with one date label", () => {
    const svg = String(timeseriesChart([{ date: "2026-03-05", clicks: 5 }]));
    expectCspSafeSvg(svg);
    const bars = tags(svg, "rect");
    expect(bars).toHaveLength(1);
    expect(attribute(bars[0] ?? "", "width")).toBe("6%");
    expect(attribute(bars[0] ?? "", "x")).toBe("47%");
    expect(svg).toContain("<title>Mar 5, 2026: 5 clicks</title>");
    expect(ariaLabel(svg)).toBe("Clicks per day, Mar 5, 2026: 5 clicks.");
    expect(texts(svg).filter((t) => t.includes("2026"))).toEqual(["Mar 5, 2026"]);
  });

  it("draws y-axis ticks above their gridlines, the baseline unlabelled, and the first and last dates", () => {
    const svg = String(timeseriesChart(days(10, (i) => i)));
    expect(texts(svg)).toEqual(["5", "10", "Jan 1, 2024", "Jan 10, 2024"]);
    expect(tags(svg, "line")).toHaveLength(3);
    expect(tags(svg, "rect")).toHaveLength(10);
    expect(ariaLabel(svg)).toBe(
      "Clicks per day, Jan 1, 2024 to Jan 10, 2024 (10 days): 45 clicks in total, busiest day Jan 10, 2024 with 9 clicks.",
    );
  });

  it("gives a month a middle date too, and keeps every bar inside the width", () => {
    const svg = String(timeseriesChart(days(31, (i) => i + 1)));
    expect(texts(svg).filter((t) => t.includes("2024"))).toEqual([
      "Jan 1, 2024",
      "Jan 16, 2024",
      "Jan 31, 2024",
    ]);
    const bars = tags(svg, "rect");
    expect(bars).toHaveLength(31);
    for (const bar of bars) {
      const x = Number.parseFloat(attribute(bar, "x"));
      const width = Number.parseFloat(attribute(bar, "width"));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + width).toBeLessThanOrEqual(100);
    }
  });

  it("renders 366 days as an area stretched to the width, with correct totals", () => {
    const svg = String(timeseriesChart(days(366, (i) => (i === 100 ? 2500 : 10))));
    expectCspSafeSvg(svg);
    expect(svg).not.toContain("<rect");
    expect(svg.match(/<path /g)).toHaveLength(2);
    // A path takes no percentages: it is drawn in a nested viewport that stretches, its line unscaled.
    const plot = tags(svg, "svg")[1] ?? "";
    expect(attribute(plot, "preserveAspectRatio")).toBe("none");
    expect(attribute(plot, "width")).toBe("100%");
    expect(svg).toContain('vector-effect="non-scaling-stroke"');
    const outline = attribute(tags(svg, "path")[1] ?? "", "d");
    expect(outline.split("L")).toHaveLength(366);
    expect(texts(svg)).toContain("Jan 1, 2024");
    expect(texts(svg)).toContain("Dec 31, 2024");
    expect(texts(svg)).toContain("Jul 1, 2024");
    expect(texts(svg)).toContain("3,000");
    expect(ariaLabel(svg)).toBe(
      "Clicks per day, Jan 1, 2024 to Dec 31, 2024 (366 days): 6,150 clicks in total, busiest day Apr 10, 2024 with 2,500 clicks.",
    );
  });

  it("says so when a range has no clicks", () => {
    const svg = String(timeseriesChart(days(7, () => 0)));
    expect(texts(svg)).toContain("No clicks yet");
    expect(ariaLabel(svg)).toContain(": no clicks.");
  });

  it("counts negative or non-finite values as no clicks", () => {
    const svg = String(
      timeseriesChart([
        { date: "2026-01-01", clicks: -5 },
        { date: "2026-01-02", clicks: Number.NaN },
        { date: "2026-01-03", clicks: 4 },
      ]),
    );
    expect(ariaLabel(svg)).toContain(": 4 clicks in total, busiest day Jan 3, 2026 with 4 clicks.");
    expect(svg).toContain("<title>Jan 1, 2026: 0 clicks</title>");
    expect(svg).not.toContain("NaN");
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
    expect(texts(svg)).toEqual(["Canada", "1,234 96%", "France", "56 4%"]);
  });

  it("draws one bar per row, as long as its share of the largest row", () => {
    const items = [
      { name: "Desktop", clicks: 3 },
      { name: "Mobile", clicks: 3 },
      { name: "Tablet", clicks: 1 },
    ];
    const svg = String(barChart(items));
    expect(svg.match(/<g class="bar">/g)).toHaveLength(3);
    const widths = tags(svg, "rect")
      .filter((rect) => attribute(rect, "fill") !== "#e3e5ec")
      .map((rect) => attribute(rect, "width"));
    expect(widths).toEqual(["100%", "100%", "33.33%"]);
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

  it("cuts very long referrers to what fits the width asked for, and clips them besides", () => {
    const long = `https://${"a-very-long-referrer-name-".repeat(80)}.example/`;
    const items = [
      { name: long, clicks: 9 },
      { name: "t.co", clicks: 1 },
    ];
    const narrow = texts(String(barChart(items, { width: 264 })))[0] ?? "";
    const wide = texts(String(barChart(items, { width: 600 })))[0] ?? "";
    expect(Array.from(narrow).length).toBeLessThanOrEqual(Math.floor((264 * 0.74) / 7));
    expect(Array.from(wide).length).toBeGreaterThan(Array.from(narrow).length);
    const svg = String(barChart(items, { width: 264 }));
    expect(svg).toContain(`<title>${long}: 9 clicks (90%)</title>`);
    // The label lives in a viewport that clips it short of the counts, whatever the font.
    const clip = tags(svg, "svg")[1] ?? "";
    expect(attribute(clip, "overflow")).toBe("hidden");
    expect(Number.parseFloat(attribute(clip, "width"))).toBeLessThan(80);
  });

  it("folds the rest of a long list into one row, and names it in the aria-label", () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ name: `site${i}.test`, clicks: 20 - i }));
    const svg = String(barChart(items, { maxBars: 5 }));
    expect(svg.match(/<g class="bar">/g)).toHaveLength(5);
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
