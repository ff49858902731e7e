import { barChart } from "./charts.js";
import { html, isWebUrl, type SafeHtml } from "./escape.js";
import { onFirstUse } from "./on-first-use.js";

/** Clicks of one target of a link, as the tracking page shows it. */
export interface TargetRow {
  readonly name: string;
  /** Null when the link no longer has this target, or the page hides destinations. */
  readonly url: string | null;
  readonly clicks: number;
}

const NUMBER = onFirstUse(() => new Intl.NumberFormat("en-US"));

/** Whether a link's targets say more than "every click went to the link's URL". */
export function showsTargets(targets: readonly TargetRow[]): boolean {
  return targets.some((target) => target.name !== "default");
}

function urlCell(url: string | null): SafeHtml {
  if (url === null) return html`<span class="muted">–</span>`;
  return isWebUrl(url) ? html`<a href="${url}" rel="noopener noreferrer nofollow">${url}</a>` : html`${url}`;
}

/**
 * The card of clicks per redirect rule, split-test variant and default (spec §8): a bar chart and a table that
 * names each target's URL (when the page may show destinations). Every value is escaped.
 */
export function targetsCard(targets: readonly TargetRow[], width: number): SafeHtml {
  const total = targets.reduce((sum, target) => sum + target.clicks, 0);
  const chart = barChart(
    targets.filter((target) => target.clicks > 0),
    { title: "Clicks by target", width },
  );
  const rows = targets.map((target) => {
    const share = total === 0 ? "0%" : `${Math.round((target.clicks / total) * 100)}%`;
    return html`<tr><td class="name">${target.name}</td><td class="break">${urlCell(target.url)}</td><td class="num">${NUMBER().format(target.clicks)}</td><td class="num">${share}</td></tr>`;
  });
  return html`<section class="card" id="targets"><figure><figcaption>Targets: rules, variants and default</figcaption>${chart}
<div class="table-wrap"><table>
<caption class="visually-hidden">Clicks by target</caption>
<thead><tr><th scope="col">Target</th><th scope="col">URL</th><th scope="col" class="num">Clicks</th><th scope="col" class="num">Share</th></tr></thead>
<tbody>${rows}</tbody>
</table></div></figure></section>`;
}
