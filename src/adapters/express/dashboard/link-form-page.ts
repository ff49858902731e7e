import type { LinkView } from "../../../application/views/link-view.js";
import { PASSWORD_MAX_LENGTH } from "../../../domain/link/link.js";
import { html, type SafeHtml } from "../views/escape.js";
import { csrfField, type DashboardFrame, dashboardPage, notice } from "./dashboard-layout.js";
import { targetsFieldset } from "./link-targets-fieldset.js";
import { targetFieldsOf } from "./link-targets-form.js";

/** What the form shows in its fields: the link's values, or what the user sent before an error. */
export interface LinkFormValues {
  readonly url?: string;
  readonly slug?: string;
  readonly domain?: string;
  /** `YYYY-MM-DDTHH:MM`, UTC. */
  readonly expiresAt?: string;
  readonly maxClicks?: string;
  readonly status?: string;
  readonly title?: string;
  /** Comma-separated. */
  readonly tags?: string;
  /** The rule and variant rows' fields (`rule_url_0`, …). */
  readonly targets?: Readonly<Record<string, string>>;
}

export interface LinkFormView {
  /** Absent for a new link. */
  readonly link?: LinkView;
  readonly values: LinkFormValues;
  /** The account's active custom domains; the server's own domain is the default. */
  readonly domains: readonly string[];
  readonly error?: string;
  readonly message?: string;
}

/** A stored link's values as the form's fields. */
export function formValuesOf(link: LinkView): LinkFormValues {
  return {
    url: link.destination,
    slug: link.slug,
    domain: link.domain,
    expiresAt: link.expiresAt === null ? "" : link.expiresAt.toISOString().slice(0, 16),
    maxClicks: link.maxClicks === null ? "" : String(link.maxClicks),
    status: link.status,
    title: link.title ?? "",
    tags: link.tags.join(", "),
    targets: targetFieldsOf(link.rules, link.variants),
  };
}

function field(id: string, label: string, control: SafeHtml, hint?: string): SafeHtml {
  return html`<div class="field"><label for="${id}">${label}</label>${control}${hint !== undefined && html`<p class="hint small muted" id="${id}-hint">${hint}</p>`}</div>`;
}

function domainSelect(view: LinkFormView): SafeHtml {
  const current = view.values.domain ?? "";
  const options = ["", ...view.domains.filter((domain) => domain !== "")];
  return html`<select id="domain" name="domain"${view.link !== undefined && html` disabled`}>
${options.map((domain) => html`<option value="${domain}"${domain === current && html` selected`}>${domain === "" ? "The server's domain" : domain}</option>`)}
${current !== "" && !options.includes(current) && html`<option value="${current}" selected>${current}</option>`}
</select>`;
}

function passwordFields(view: LinkFormView): SafeHtml {
  const protectedNow = view.link?.passwordProtected === true;
  const input = html`<input id="password" name="password" type="password" autocomplete="new-password" maxlength="${PASSWORD_MAX_LENGTH}">`;
  if (!protectedNow)
    return field("password", "Password (optional)", input, "Visitors must enter it before they are sent on.");
  return html`${field("password", "New password", input, "This link has a password; leave this empty to keep it.")}
<div class="check"><input id="remove_password" name="remove_password" type="checkbox" value="1"><label for="remove_password">Remove the password</label></div>`;
}

function statusField(view: LinkFormView): SafeHtml | false {
  if (view.link === undefined) return false;
  const current = view.values.status ?? view.link.status;
  return field(
    "status",
    "Status",
    html`<select id="status" name="status"><option value="active"${current === "active" && html` selected`}>Active</option><option value="disabled"${current === "disabled" && html` selected`}>Disabled</option></select>`,
  );
}

function details(frame: DashboardFrame, link: LinkView): SafeHtml {
  const path = `${frame.base}/links/${encodeURIComponent(link.id)}`;
  return html`<dl class="meta">
<dt>Short link</dt><dd class="break"><a href="${link.shortUrl}" rel="noopener noreferrer">${link.shortUrl}</a></dd>
<dt>Status</dt><dd><span class="badge ${link.status}">${link.status}</span></dd>
<dt>Analytics</dt><dd><a href="${path}/analytics">Clicks and visitors</a> · <a href="${link.trackingUrl}">public tracking page</a></dd>
</dl>`;
}

/** The form that creates a link, or edits one (with its details and a delete button). */
export function linkFormPage(frame: DashboardFrame, view: LinkFormView): string {
  const { link, values } = view;
  const action =
    link === undefined ? `${frame.base}/links` : `${frame.base}/links/${encodeURIComponent(link.id)}`;
  const title = link === undefined ? "New link" : `Edit ${link.shortUrl}`;
  const body = html`<section class="card">
<h1 class="break">${title}</h1>
${link !== undefined && details(frame, link)}
${notice(view.message)}${notice(view.error, "error")}
<form class="link-form" method="post" action="${action}">
${csrfField(frame.csrfToken)}
${field("title", "Title (optional)", html`<input id="title" name="title" type="text" maxlength="200" value="${values.title ?? ""}">`)}
${field("url", "Destination URL", html`<input id="url" name="url" type="url" inputmode="url" maxlength="2048" value="${values.url ?? ""}"${link === undefined && html` required`} placeholder="https://example.com/page">`)}
<div class="two">
${field("slug", "Slug (optional)", html`<input id="slug" name="slug" type="text" maxlength="64" value="${values.slug ?? ""}" autocapitalize="off" spellcheck="false">`, link === undefined ? "Leave empty for a random one." : undefined)}
${field("domain", "Domain", domainSelect(view))}
</div>
${passwordFields(view)}
<div class="two">
${field("expires_at", "Expires at (UTC, optional)", html`<input id="expires_at" name="expires_at" type="datetime-local" value="${values.expiresAt ?? ""}">`)}
${field("max_clicks", "Maximum clicks (optional)", html`<input id="max_clicks" name="max_clicks" type="number" min="1" step="1" inputmode="numeric" value="${values.maxClicks ?? ""}">`)}
</div>
${field("tags", "Tags (optional)", html`<input id="tags" name="tags" type="text" maxlength="1100" value="${values.tags ?? ""}" autocapitalize="off" spellcheck="false" aria-describedby="tags-hint">`, "Comma-separated: a-z, 0-9, _ and -; at most 20.")}
${statusField(view)}
${targetsFieldset(values.targets ?? {})}
<button class="button" type="submit">${link === undefined ? "Create link" : "Save changes"}</button>
</form>
</section>
${
  link !== undefined &&
  html`<section class="card danger-zone"><h2>Delete this link</h2><p class="muted">Its short URL stops working at once and its analytics are deleted.</p>
<form method="post" action="${action}/delete">${csrfField(frame.csrfToken)}<button class="button danger" type="submit">Delete link</button></form></section>`
}`;
  return dashboardPage({ ...frame, current: link === undefined ? "new" : "links" }, title, body);
}
