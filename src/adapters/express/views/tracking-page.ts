import type { Dimension } from "../../../domain/click/click.js";
import type { ClickStats, NamedCount } from "../../../domain/click/click-counts.js";
import { barChart, formatDay, timeseriesChart } from "./charts.js";
import { html, isWebUrl, type SafeHtml } from "./escape.js";
import { page } from "./layout.js";
import { onFirstUse } from "./on-first-use.js";
import { showsTargets, type TargetRow, targetsCard } from "./targets-card.js";

/** Everything the tracking page shows, already resolved: country names human, URLs absolute. */
export interface TrackingPageView {
  readonly shortUrl: string;
  /** Null for a password-protected link: the tracking page is public to whoever has its id. */
  readonly destination: string | null;
  /** The link's state, e.g. "active", "disabled", "expired". */
  readonly status: string;
  readonly createdAt: string;
  readonly stats: ClickStats;
  readonly qrUrl: string;
  /** Where the date-range form submits (GET with `start` and `end`). */
  readonly formAction: string;
  /** Clicks per rule, variant and default; shown when the link has more than its default. */
  readonly targets?: readonly TargetRow[];
}

const NUMBER = onFirstUse(() => new Intl.NumberFormat("en-US"));
const KNOWN_STATES = new Set(["active", "disabled", "expired", "exhausted"]);
interface Section {
  readonly dimension: Dimension;
  readonly title: string;
  /** One value of the dimension, as a table column head. */
  readonly one: string;
}
const SMALL: readonly Section[] = [
  { dimension: "device", title: "Devices", one: "Device" },
  { dimension: "os", title: "Operating systems", one: "Operating system" },
  { dimension: "browser", title: "Browsers", one: "Browser" },
];
const LARGE: readonly Section[] = [
  { dimension: "country", title: "Countries", one: "Country" },
  { dimension: "referrer", title: "Referrers", one: "Referrer" },
];

function linkOrText(url: string): SafeHtml {
  return isWebUrl(url) ? html`<a href="${url}" rel="noopener noreferrer nofollow">${url}</a>` : html`${url}`;
}

function dataTable(
  caption: string,
  head: string,
  rows: readonly (readonly [string, number, string?])[],
): SafeHtml {
  const share = rows.some((row) => row[2] !== undefined);
  return html`<details><summary>Show as table</summary><div class="table-wrap"><table>
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col" class="num">Clicks</th>${share && html`<th scope="col" class="num">Share</th>`}</tr></thead>
<tbody>${rows.map(([name, clicks, percent]) => html`<tr><td class="name">${name}</td><td class="num">${NUMBER().format(clicks)}</td>${share && html`<td class="num">${percent}</td>`}</tr>`)}</tbody>
</table></div></details>`;
}

function breakdownCard({ title, one }: Section, items: readonly NamedCount[], width: number): SafeHtml {
  const total = items.reduce((sum, item) => sum + item.clicks, 0);
  const rows = items.map((item) => {
    const percent = total === 0 ? "0%" : `${Math.round((item.clicks / total) * 100)}%`;
    return [item.name, item.clicks, percent] as const;
  });
  const caption = `Clicks by ${one.toLowerCase()}`;
  const chart = barChart(items, { title: caption, width });
  const table = items.length > 0 && dataTable(caption, one, rows);
  return html`<section class="card"><figure><figcaption>${title}</figcaption>${chart}${table}</figure></section>`;
}

function createdText(createdAt: string): string {
  const time = Date.parse(createdAt);
  return Number.isNaN(time) ? createdAt : formatDay(new Date(time).toISOString().slice(0, 10));
}

function header(view: TrackingPageView): SafeHtml {
  const badge = KNOWN_STATES.has(view.status) ? `badge ${view.status}` : "badge";
  return html`<section class="card"><div class="link-head">
<div class="info">
<p class="muted small">Link analytics</p>
<h1 class="break">${linkOrText(view.shortUrl)} <span class="${badge}">${view.status}</span></h1>
<dl class="meta">
<dt>Destination</dt><dd class="break">${view.destination === null ? html`<span class="muted">Hidden: this link is protected by a password</span>` : linkOrText(view.destination)}</dd>
<dt>Created</dt><dd><time datetime="${view.createdAt}">${createdText(view.createdAt)}</time></dd>
</dl>
</div>
<div class="qr"><img src="${view.qrUrl}" width="128" height="128" alt="QR code for ${view.shortUrl}">
<p class="small">QR code: <a href="${view.qrUrl}" download>SVG</a> · <a href="${view.qrUrl}?format=png&amp;size=512" download>PNG</a></p></div>
</div></section>`;
}

function overview(view: TrackingPageView): SafeHtml {
  const { stats } = view;
  const series = stats.timeseries.map((day) => [formatDay(day.date), day.clicks] as const);
  return html`<section class="card">
<div class="section-head"><h2>Clicks</h2><p class="muted small">${formatDay(stats.start)} – ${formatDay(stats.end)}</p></div>
<form class="range" method="get" action="${view.formAction}">
<div><label for="start">From</label><input id="start" name="start" type="date" value="${stats.start}" required></div>
<div><label for="end">To</label><input id="end" name="end" type="date" value="${stats.end}" required></div>
<button class="button secondary" type="submit">Show range</button>
</form>
<dl class="stats">
<div class="stat"><dt>Total clicks</dt><dd>${NUMBER().format(stats.totalClicks)}</dd></div>
<div class="stat"><dt>Unique visitors</dt><dd>${NUMBER().format(stats.uniqueClicks)}</dd></div>
<div class="stat"><dt>Bot clicks <span class="small">(not in charts)</span></dt><dd>${NUMBER().format(stats.botClicks)}</dd></div>
</dl>
<figure class="timeseries"><figcaption class="visually-hidden">Clicks per day</figcaption>${timeseriesChart(stats.timeseries)}
${stats.timeseries.length > 0 && dataTable("Clicks per day", "Date", series)}</figure>
</section>`;
}

/** A link's analytics: totals, clicks over time and by dimension, each chart with a table. */
export function trackingBody(view: TrackingPageView): SafeHtml {
  const { breakdown } = view.stats;
  return html`${header(view)}
${overview(view)}
<div class="grid three">${SMALL.map((section) => breakdownCard(section, breakdown[section.dimension], 264))}</div>
<div class="grid">${LARGE.map((section) => breakdownCard(section, breakdown[section.dimension], 320))}</div>
${showsTargets(view.targets ?? []) && targetsCard(view.targets ?? [], 640)}`;
}

/** The public analytics page of one link (the dashboard shows the same body behind its sign-in). */
export function trackingPage(view: TrackingPageView): string {
  return page({
    title: `Analytics for ${view.shortUrl}`,
    body: trackingBody(view),
    noindex: true,
    wide: true,
  });
}
