import type { ImportOutcome } from "../../../application/use-cases/link/import-row.js";
import { html, type SafeHtml } from "../views/escape.js";
import { csrfField, type DashboardFrame, dashboardPage, notice } from "./dashboard-layout.js";

/** What an import did, as the page reports it: counts, and the rows not created (with line and code). */
export interface ImportReport {
  readonly source: string;
  readonly dryRun: boolean;
  readonly created: number;
  readonly skipped: number;
  readonly refused: number;
  /** Rows skipped or refused, in file order, at most {@link REPORT_ROWS}. */
  readonly problems: readonly ImportOutcome[];
}

/** Rows listed on the page; the counts stay exact past them. */
export const REPORT_ROWS = 500;

const SOURCES = [
  { value: "csv", label: "CSV with a header (url, slug, title, tags, domain, expires_at, password)" },
  { value: "bitly", label: "Bitly CSV export" },
  { value: "yourls", label: "YOURLS (yourls_url table or export CSV)" },
  { value: "kutt", label: "Kutt API JSON" },
  { value: "shlink", label: "Shlink CSV export" },
] as const;

function reportCard(report: ImportReport): SafeHtml {
  const verb = report.dryRun ? "would be created" : "created";
  return html`<section class="card" aria-labelledby="report"><h2 id="report">${report.dryRun ? "Dry run" : "Import"}: ${report.created} ${verb}, ${report.skipped} already there, ${report.refused} refused</h2>
${
  report.problems.length > 0 &&
  html`<div class="table-scroll"><table class="links"><caption class="visually-hidden">Rows not created</caption>
<thead><tr><th scope="col" class="num">Line</th><th scope="col">What happened</th><th scope="col">Why</th></tr></thead>
<tbody>${report.problems.map((row) =>
    row.status === "refused"
      ? html`<tr><td class="num">${row.line}</td><td>refused: <span class="mono">${row.code}</span></td><td class="name">${row.error}</td></tr>`
      : html`<tr><td class="num">${row.line}</td><td>skipped</td><td class="name">/${row.status === "skipped" ? row.slug : ""} exists with the same destination</td></tr>`,
  )}</tbody></table></div>`
}
${report.skipped + report.refused > report.problems.length && html`<p class="small muted">The first ${report.problems.length} rows not created are listed.</p>`}
</section>`;
}

/** CSV import (the same reader and rules as `hexlink import`) and the account's export. */
export function importPage(
  frame: DashboardFrame,
  view: { readonly report?: ImportReport; readonly error?: string },
): string {
  const body = html`${view.report !== undefined && reportCard(view.report)}<section class="card">
<h1>Import links</h1>
<p class="lead">From a file another shortener exported (up to 5 MB; larger files: <span class="mono">hexlink import</span>). A second import of the same file creates nothing again.</p>
${notice(view.error, "error")}
<form class="link-form" method="post" action="${frame.base}/import" enctype="multipart/form-data">
${csrfField(frame.csrfToken)}
<div class="field"><label for="file">File</label><input id="file" name="file" type="file" required accept=".csv,.json,text/csv,application/json"></div>
<div class="field"><label for="source">It comes from</label><select id="source" name="source">${SOURCES.map((source) => html`<option value="${source.value}">${source.label}</option>`)}</select></div>
<div class="check"><input id="dry_run" name="dry_run" type="checkbox" value="1"><label for="dry_run">Dry run: check every row, create nothing</label></div>
<button class="button" type="submit">Import</button>
</form>
</section>
<section class="card"><h2>Export links</h2>
<p>Every link of the account with its total clicks.</p>
<div class="actions"><a class="button secondary" href="${frame.base}/export?format=csv" download>CSV</a><a class="button secondary" href="${frame.base}/export?format=ndjson" download>NDJSON</a></div>
</section>`;
  return dashboardPage({ ...frame, current: "import" }, "Import and export", body);
}
