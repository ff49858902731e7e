import type { LinkView } from "../../../application/views/link-view.js";
import { html, type SafeHtml } from "../views/escape.js";
import { onFirstUse } from "../views/on-first-use.js";
import { csrfField, type DashboardFrame, dashboardPage, notice } from "./dashboard-layout.js";

/** The links page's filters, as the query string carried them (and the next page link repeats them). */
export interface LinkFilters {
  readonly q?: string;
  readonly tag?: string;
  readonly status?: "active" | "disabled";
  readonly domain?: string;
}

export interface LinksPageView {
  readonly links: readonly LinkView[];
  readonly filters: LinkFilters;
  /** The query string of the next page, or null on the last one. */
  readonly nextQuery: string | null;
  readonly message?: string;
  readonly error?: string;
}

const DAY = onFirstUse(() => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }));

function statusOption(value: string, label: string, current: string | undefined): SafeHtml {
  return html`<option value="${value}"${current === value && html` selected`}>${label}</option>`;
}

function filterForm(frame: DashboardFrame, filters: LinkFilters): SafeHtml {
  return html`<form class="filters" method="get" action="${frame.base}/links" role="search">
<div><label for="q">Search</label><input id="q" name="q" type="search" value="${filters.q ?? ""}" placeholder="slug, URL or title" maxlength="200"></div>
<div><label for="tag">Tag</label><input id="tag" name="tag" type="text" value="${filters.tag ?? ""}" maxlength="50" autocapitalize="off" spellcheck="false"></div>
<div><label for="status">Status</label><select id="status" name="status">
${statusOption("", "Any", filters.status ?? "")}${statusOption("active", "Active", filters.status)}${statusOption("disabled", "Disabled", filters.status)}
</select></div>
<div><label for="domain">Domain</label><input id="domain" name="domain" type="text" value="${filters.domain ?? ""}" placeholder="every domain" maxlength="253"></div>
<button class="button secondary" type="submit">Filter</button>
</form>`;
}

function row(frame: DashboardFrame, link: LinkView): SafeHtml {
  const edit = `${frame.base}/links/${encodeURIComponent(link.id)}`;
  return html`<tr>
<td><input type="checkbox" name="ids" value="${link.id}" id="pick-${link.id}" aria-label="Select ${link.shortUrl}"></td>
<td class="name"><a href="${edit}">${link.shortUrl}</a>${link.passwordProtected && html` <span class="badge">password</span>`}${link.title !== null && html`<br><span class="small">${link.title}</span>`}${link.tags.length > 0 && html`<br>${link.tags.map((tag) => html`<a class="tag" href="${frame.base}/links?tag=${encodeURIComponent(tag)}">#${tag}</a> `)}`}</td>
<td class="name destination">${link.destination}</td>
<td><span class="badge ${link.status}">${link.status}</span></td>
<td><time datetime="${link.createdAt.toISOString()}">${DAY().format(link.createdAt)}</time></td>
<td><a href="${edit}/analytics">Analytics</a></td>
</tr>`;
}

function table(frame: DashboardFrame, links: readonly LinkView[]): SafeHtml {
  if (links.length === 0)
    return html`<p class="muted">No links match. <a href="${frame.base}/links/new">Create one</a>.</p>`;
  return html`<form method="post" action="${frame.base}/links/bulk">
${csrfField(frame.csrfToken)}
<div class="table-scroll"><table class="links">
<caption class="visually-hidden">Your links</caption>
<thead><tr><th scope="col"><span class="visually-hidden">Select</span></th><th scope="col">Short link</th><th scope="col">Destination</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col"><span class="visually-hidden">Analytics</span></th></tr></thead>
<tbody>${links.map((link) => row(frame, link))}</tbody>
</table></div>
<div class="bulk"><label for="bulk-action">With the selected links</label>
<select id="bulk-action" name="action"><option value="disable">Disable</option><option value="enable">Enable</option><option value="tag">Add the tag</option><option value="untag">Remove the tag</option><option value="delete">Delete</option></select>
<div><label for="bulk-tag" class="visually-hidden">Tag to add or remove</label><input id="bulk-tag" name="tag" type="text" maxlength="50" placeholder="tag (to add or remove)" autocapitalize="off" spellcheck="false"></div>
<button class="button secondary" type="submit">Apply</button></div>
</form>`;
}

/** An account's links, newest first, with filters, a page at a time, and bulk actions on the selected ones. */
export function linksPage(frame: DashboardFrame, view: LinksPageView): string {
  const body = html`<section class="card">
<div class="section-head"><h1>Links</h1><a class="button" href="${frame.base}/links/new">New link</a></div>
${notice(view.message)}${notice(view.error, "error")}
${filterForm(frame, view.filters)}
${table(frame, view.links)}
${view.nextQuery !== null && html`<p class="paging"><a href="${frame.base}/links?${view.nextQuery}" rel="next">Next page</a></p>`}
</section>`;
  return dashboardPage({ ...frame, current: "links" }, "Links", body);
}
