import { html, type SafeHtml } from "./escape.js";
import { COLORS } from "./stylesheet.js";

/** Clicks on one UTC day, `date` as `YYYY-MM-DD`. */
export interface DailyClicks {
  readonly date: string;
  readonly clicks: number;
}

/** Clicks for one value of a dimension (a country, a browser, a referrer…). */
export interface NamedClicks {
  readonly name: string;
  readonly clicks: number;
}

/** Options of {@link timeseriesChart}. */
export interface TimeseriesOptions {
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  readonly title?: string;
  readonly width?: number;
  /** Rows drawn before the rest is folded into one "Other" row. */
  readonly maxBars?: number;
  readonly maxLabelChars?: number;
}

const FONT_SIZE = 13;
// Past this many days bars get thinner than a pixel or two, so the series is drawn as an area.
const MAX_BAR_DAYS = 92;
const NUMBER = new Intl.NumberFormat("en-US");
const DAY = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

const round = (value: number): number => Math.round(value * 100) / 100;
const count = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);

/** Formats a count with thousands separators and the right noun: "1 click", "1,234 clicks". */
export function clicksText(value: number): string {
  return `${NUMBER.format(value)} ${value === 1 ? "click" : "clicks"}`;
}

/** Formats a `YYYY-MM-DD` day for people ("Jan 3, 2026"), leaving anything else as it is. */
export function formatDay(day: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(time) ? day : DAY.format(time);
}

/** Shortens a label to `max` characters (code points, never half an emoji), ending in an ellipsis. */
export function truncateLabel(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/** Round axis ticks from 0 to at least `max`, steps of 1, 2 or 5 times a power of ten. */
export function axisTicks(max: number, target = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

function frame(width: number, height: number, title: string, label: string, body: SafeHtml): SafeHtml {
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"
 width="${width}" height="${height}" role="img" aria-label="${label}"
 font-size="${FONT_SIZE}" font-family="system-ui, sans-serif"><title>${title}</title>${body}</svg>`;
}

function textAt(x: number, y: number, anchor: "start" | "middle" | "end", text: string): SafeHtml {
  return html`<text x="${round(x)}" y="${round(y)}" text-anchor="${anchor}" fill="${COLORS.muted}">${text}</text>`;
}

function timeseriesLabel(title: string, points: readonly DailyClicks[], total: number): string {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return `${title}: no data for this period.`;
  if (points.length === 1) return `${title}, ${formatDay(first.date)}: ${clicksText(total)}.`;
  const span = `${title}, ${formatDay(first.date)} to ${formatDay(last.date)} (${points.length} days)`;
  if (total === 0) return `${span}: no clicks.`;
  const peak = points.reduce((best, point) => (count(point.clicks) > count(best.clicks) ? point : best));
  const busiest = `busiest day ${formatDay(peak.date)} with ${clicksText(count(peak.clicks))}`;
  return `${span}: ${clicksText(total)} in total, ${busiest}.`;
}

/** Renders clicks per day as an SVG bar chart (an area chart past three months) with y ticks and end dates. */
export function timeseriesChart(points: readonly DailyClicks[], options: TimeseriesOptions = {}): SafeHtml {
  const { title = "Clicks per day", width = 800, height = 240 } = options;
  const total = points.reduce((sum, point) => sum + count(point.clicks), 0);
  const label = timeseriesLabel(title, points, total);
  const first = points[0];
  const last = points.at(-1) ?? first;
  if (first === undefined || last === undefined) {
    return frame(width, height, title, label, textAt(width / 2, height / 2, "middle", "No data"));
  }

  const plot = { left: 48, right: width - 8, top: 10, bottom: height - 30 };
  const center = { x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2 };
  const ticks = axisTicks(Math.max(...points.map((point) => count(point.clicks))));
  const top = ticks.at(-1) ?? 1;
  const yOf = (value: number): number => round(plot.bottom - (count(value) / top) * (plot.bottom - plot.top));

  const grid = ticks.map(
    (tick) => html`<line x1="${plot.left}" x2="${plot.right}" y1="${yOf(tick)}" y2="${yOf(tick)}"
 stroke="${COLORS.grid}" stroke-width="1"/>${textAt(plot.left - 8, yOf(tick) + 4, "end", NUMBER.format(tick))}`,
  );
  const series = points.length > MAX_BAR_DAYS ? area(points, plot, yOf) : bars(points, plot, yOf);
  const dateY = height - 8;
  const dates =
    points.length === 1
      ? textAt(center.x, dateY, "middle", formatDay(first.date))
      : [
          textAt(plot.left, dateY, "start", formatDay(first.date)),
          textAt(plot.right, dateY, "end", formatDay(last.date)),
        ];
  const empty = total === 0 && textAt(center.x, center.y, "middle", "No clicks yet");
  return frame(width, height, title, label, html`${grid}${series}${dates}${empty}`);
}

interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function bars(points: readonly DailyClicks[], plot: Plot, yOf: (value: number) => number): SafeHtml[] {
  const slot = (plot.right - plot.left) / points.length;
  const barWidth = round(Math.max(1, Math.min(slot * 0.7, 48)));
  return points.map((point, index) => {
    const clicks = count(point.clicks);
    const x = round(plot.left + index * slot + (slot - barWidth) / 2);
    const y = clicks === 0 ? plot.bottom - 1 : yOf(clicks);
    const fill = clicks === 0 ? COLORS.grid : COLORS.brand;
    return html`<rect x="${x}" y="${y}" width="${barWidth}" height="${round(plot.bottom - y)}" rx="2"
 fill="${fill}"><title>${formatDay(point.date)}: ${clicksText(clicks)}</title></rect>`;
  });
}

function area(points: readonly DailyClicks[], plot: Plot, yOf: (value: number) => number): SafeHtml {
  const step = (plot.right - plot.left) / (points.length - 1);
  const line = points.map((point, index) => `${round(plot.left + index * step)},${yOf(point.clicks)}`);
  const outline = `M${line.join("L")}`;
  const fill = `${outline}L${plot.right},${plot.bottom}L${plot.left},${plot.bottom}Z`;
  return html`<path d="${fill}" fill="${COLORS.brandSoft}"/>
<path d="${outline}" fill="none" stroke="${COLORS.brand}" stroke-width="1.5" stroke-linejoin="round"/>`;
}

function foldRest(items: readonly NamedClicks[], maxBars: number): NamedClicks[] {
  if (items.length <= maxBars) return [...items];
  const rest = items.slice(maxBars - 1);
  const clicks = rest.reduce((sum, item) => sum + count(item.clicks), 0);
  return [...items.slice(0, maxBars - 1), { name: `Other (${rest.length} more)`, clicks }];
}

function barChartLabel(title: string, items: readonly NamedClicks[]): string {
  const listed = items.slice(0, 5).map((item) => `${item.name} ${NUMBER.format(count(item.clicks))}`);
  const more = items.length > listed.length ? `, and ${items.length - listed.length} more` : "";
  return `${title}: ${listed.join(", ")}${more}.`;
}

/** Renders named counts as horizontal SVG bars, long labels cut short on screen but whole in each `<title>`. */
export function barChart(items: readonly NamedClicks[], options: BarChartOptions = {}): SafeHtml {
  const { title = "Clicks", width = 360, maxBars = 8, maxLabelChars = 38 } = options;
  if (items.length === 0) {
    return frame(
      width,
      56,
      title,
      `${title}: no clicks yet.`,
      textAt(width / 2, 32, "middle", "No clicks yet"),
    );
  }
  const rows = foldRest(items, Math.max(2, maxBars));
  const total = items.reduce((sum, item) => sum + count(item.clicks), 0);
  const max = Math.max(1, ...rows.map((row) => count(row.clicks)));
  const rowHeight = 40;
  const body = rows.map((row, index) => {
    const clicks = count(row.clicks);
    const y = index * rowHeight;
    const share = total === 0 ? 0 : Math.round((clicks / total) * 100);
    const barWidth = clicks === 0 ? 0 : round(Math.max(3, (clicks / max) * width));
    return html`<g><title>${row.name}: ${clicksText(clicks)} (${share}%)</title>
<text x="0" y="${y + 15}" fill="${COLORS.text}">${truncateLabel(row.name, maxLabelChars)}</text>
${textAt(width, y + 15, "end", NUMBER.format(clicks))}
<rect x="0" y="${y + 22}" width="${width}" height="10" rx="5" fill="${COLORS.grid}"/>
<rect x="0" y="${y + 22}" width="${barWidth}" height="10" rx="5" fill="${COLORS.brand}"/></g>`;
  });
  return frame(width, rows.length * rowHeight, title, barChartLabel(title, items), html`${body}`);
}
