import { html, type SafeHtml } from "./escape.js";
import { onFirstUse } from "./on-first-use.js";
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

/** Options of {@link timeseriesChart}. Charts stretch to their container's width; text keeps its size. */
export interface TimeseriesOptions {
  readonly title?: string;
  /** The drawing's internal resolution across, in px, for the area drawn past three months (800). */
  readonly width?: number;
  /** Height in px (240). */
  readonly height?: number;
}

/** Options of {@link barChart}. The chart stretches to its container's width; text keeps its size. */
export interface BarChartOptions {
  readonly title?: string;
  /** The narrowest width in px the chart is shown at, which long labels are cut to fit (360). */
  readonly width?: number;
  /** Rows drawn before the rest is folded into one "Other" row. */
  readonly maxBars?: number;
  /** Characters of a label shown before an ellipsis; by default what fits in {@link width}. */
  readonly maxLabelChars?: number;
}

const FONT_SIZE = 13;
// A generous average advance of a 13 px system-ui character, to cut labels before they reach the counts.
const CHAR_WIDTH = 7.4;
// Share of a bar chart's width given to the label; the count and share sit right-aligned in the rest.
const LABEL_SHARE = 0.74;
// Past this many days bars get thinner than a pixel or two, so the series is drawn as an area.
const MAX_BAR_DAYS = 92;
const NUMBER = onFirstUse(() => new Intl.NumberFormat("en-US"));
const DAY = onFirstUse(
  () =>
    new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    }),
);

const round = (value: number): number => Math.round(value * 100) / 100;
const count = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);

/** Formats a count with thousands separators and the right noun: "1 click", "1,234 clicks". */
export function clicksText(value: number): string {
  return `${NUMBER().format(value)} ${value === 1 ? "click" : "clicks"}`;
}

/** Formats a `YYYY-MM-DD` day for people ("Jan 3, 2026"), leaving anything else as it is. */
export function formatDay(day: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(time) ? day : DAY().format(time);
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

type X = number | `${number}%`;

const pct = (value: number): `${number}%` => `${round(value)}%`;

// No viewBox: the chart takes its container's width and its own height in px, so its text never shrinks
// on a phone; x coordinates are percentages of the width, y coordinates pixels.
function frame(height: number, title: string, label: string, body: SafeHtml, kind: string): SafeHtml {
  return html`<svg class="chart ${kind}" xmlns="http://www.w3.org/2000/svg" width="100%" height="${height}"
 role="img" aria-label="${label}" font-size="${FONT_SIZE}" font-family="system-ui, sans-serif"
 overflow="visible"><title>${title}</title>${body}</svg>`;
}

function textAt(x: X, y: number, anchor: "start" | "middle" | "end", text: string): SafeHtml {
  return html`<text x="${x}" y="${round(y)}" text-anchor="${anchor}" fill="${COLORS.muted}">${text}</text>`;
}

// An axis label drawn over the plot, with a halo in the card's colour so it stays legible over a bar.
function haloText(x: X, y: number, text: string): SafeHtml {
  return html`<text x="${x}" y="${round(y)}" fill="${COLORS.muted}" stroke="#fff" stroke-width="4"
 stroke-linejoin="round" paint-order="stroke">${text}</text>`;
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

interface Plot {
  readonly top: number;
  readonly bottom: number;
  /** The drawing's resolution across, for the area. */
  readonly width: number;
}

// The first and last dates, and the middle one from three weeks on, each under its own bar or point.
function dateLabels(points: readonly DailyClicks[], y: number, asArea: boolean): SafeHtml[] {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return [];
  if (points.length === 1) return [textAt("50%", y, "middle", formatDay(first.date))];
  const labels = [textAt(0, y, "start", formatDay(first.date))];
  const index = Math.floor((points.length - 1) / 2);
  const middle = points[index];
  if (points.length >= 20 && middle !== undefined) {
    const x = asArea ? (index / (points.length - 1)) * 100 : ((index + 0.5) / points.length) * 100;
    labels.push(textAt(pct(x), y, "middle", formatDay(middle.date)));
  }
  labels.push(textAt("100%", y, "end", formatDay(last.date)));
  return labels;
}

/**
 * Renders clicks per day as an SVG bar chart (an area chart past three months), with y ticks over
 * gridlines and the first, middle and last dates below.
 */
export function timeseriesChart(points: readonly DailyClicks[], options: TimeseriesOptions = {}): SafeHtml {
  const { title = "Clicks per day", width = 800, height = 240 } = options;
  const total = points.reduce((sum, point) => sum + count(point.clicks), 0);
  const label = timeseriesLabel(title, points, total);
  if (points.length === 0) {
    return frame(height, title, label, textAt("50%", height / 2, "middle", "No data"), "timeseries");
  }

  const plot: Plot = { top: 22, bottom: height - 30, width };
  const ticks = axisTicks(Math.max(...points.map((point) => count(point.clicks))));
  const top = ticks.at(-1) ?? 1;
  const yOf = (value: number): number => round(plot.bottom - (count(value) / top) * (plot.bottom - plot.top));

  const grid = ticks.map(
    (tick) => html`<line x1="0" x2="100%" y1="${yOf(tick)}" y2="${yOf(tick)}"
 stroke="${tick === 0 ? COLORS.axis : COLORS.grid}" stroke-width="1"/>`,
  );
  // Zero goes without saying on the baseline, where its label would sit on the first bar; an empty
  // range gets no scale at all.
  const tickLabels = ticks
    .filter((tick) => tick > 0 && total > 0)
    .map((tick) => haloText(0, yOf(tick) - 6, NUMBER().format(tick)));
  const asArea = points.length > MAX_BAR_DAYS;
  const series = asArea ? area(points, plot, yOf) : bars(points, plot, yOf);
  const dates = dateLabels(points, height - 8, asArea);
  const empty = total === 0 && textAt("50%", (plot.top + plot.bottom) / 2, "middle", "No clicks yet");
  return frame(height, title, label, html`${grid}${series}${tickLabels}${dates}${empty}`, "timeseries");
}

function bars(points: readonly DailyClicks[], plot: Plot, yOf: (value: number) => number): SafeHtml[] {
  const slot = 100 / points.length;
  // A few days get bars of a sensible width rather than slabs across the card.
  const barWidth = Math.min(slot * 0.72, 6);
  return points.map((point, index) => {
    const clicks = count(point.clicks);
    const x = pct(index * slot + (slot - barWidth) / 2);
    const y = clicks === 0 ? plot.bottom - 2 : Math.min(yOf(clicks), plot.bottom - 2);
    const fill = clicks === 0 ? COLORS.grid : COLORS.brand;
    return html`<rect x="${x}" y="${y}" width="${pct(barWidth)}" height="${round(plot.bottom - y)}" rx="2"
 fill="${fill}"><title>${formatDay(point.date)}: ${clicksText(clicks)}</title></rect>`;
  });
}

// A path cannot take percentages, so the area is drawn in a nested viewport stretched to the width.
function area(points: readonly DailyClicks[], plot: Plot, yOf: (value: number) => number): SafeHtml {
  const step = plot.width / (points.length - 1);
  const height = plot.bottom - plot.top;
  const line = points.map((point, index) => `${round(index * step)},${round(yOf(point.clicks) - plot.top)}`);
  const outline = `M${line.join("L")}`;
  const fill = `${outline}L${plot.width},${height}L0,${height}Z`;
  return html`<svg x="0" y="${plot.top}" width="100%" height="${height}" viewBox="0 0 ${plot.width} ${height}"
 preserveAspectRatio="none" overflow="visible"><path d="${fill}" fill="${COLORS.brandSoft}"/>
<path d="${outline}" fill="none" stroke="${COLORS.brand}" stroke-width="2" stroke-linejoin="round"
 vector-effect="non-scaling-stroke"/></svg>`;
}

function foldRest(items: readonly NamedClicks[], maxBars: number): NamedClicks[] {
  if (items.length <= maxBars) return [...items];
  const rest = items.slice(maxBars - 1);
  const clicks = rest.reduce((sum, item) => sum + count(item.clicks), 0);
  return [...items.slice(0, maxBars - 1), { name: `Other (${rest.length} more)`, clicks }];
}

function barChartLabel(title: string, items: readonly NamedClicks[]): string {
  const listed = items.slice(0, 5).map((item) => `${item.name} ${NUMBER().format(count(item.clicks))}`);
  const more = items.length > listed.length ? `, and ${items.length - listed.length} more` : "";
  return `${title}: ${listed.join(", ")}${more}.`;
}

const ROW_HEIGHT = 42;

/**
 * Renders named counts as horizontal SVG bars, each row a `<g class="bar">` titled with its whole name,
 * count and share; long labels are cut short on screen (and clipped, should a font run wide).
 */
export function barChart(items: readonly NamedClicks[], options: BarChartOptions = {}): SafeHtml {
  const { title = "Clicks", width = 360, maxBars = 8 } = options;
  const maxLabelChars = options.maxLabelChars ?? Math.max(8, Math.floor((width * LABEL_SHARE) / CHAR_WIDTH));
  if (items.length === 0) {
    const label = `${title}: no clicks yet.`;
    return frame(56, title, label, textAt("50%", 32, "middle", "No clicks yet"), "bars");
  }
  const rows = foldRest(items, Math.max(2, maxBars));
  const total = items.reduce((sum, item) => sum + count(item.clicks), 0);
  const max = Math.max(1, ...rows.map((row) => count(row.clicks)));
  const body = rows.map((row, index) => {
    const clicks = count(row.clicks);
    const y = index * ROW_HEIGHT;
    const share = total === 0 ? 0 : Math.round((clicks / total) * 100);
    const barWidth = clicks === 0 ? 0 : Math.max(1.5, (clicks / max) * 100);
    return html`<g class="bar"><title>${row.name}: ${clicksText(clicks)} (${share}%)</title>
<svg y="${y}" width="${pct(LABEL_SHARE * 100)}" height="20" overflow="hidden"><text x="0" y="15"
 fill="${COLORS.text}">${truncateLabel(row.name, maxLabelChars)}</text></svg>
<text x="100%" y="${y + 15}" text-anchor="end" fill="${COLORS.text}" font-weight="600">${NUMBER().format(clicks)}<tspan
 fill="${COLORS.muted}" font-weight="400" dx="6">${share}%</tspan></text>
<rect x="0" y="${y + 23}" width="100%" height="8" rx="4" fill="${COLORS.grid}"/>
<rect x="0" y="${y + 23}" width="${pct(barWidth)}" height="8" rx="4" fill="${COLORS.brand}"/></g>`;
  });
  return frame(rows.length * ROW_HEIGHT - 8, title, barChartLabel(title, items), html`${body}`, "bars");
}
