import type { DomainView } from "../../../application/views/domain-view.js";
import { html, type SafeHtml } from "../views/escape.js";
import { csrfField, type DashboardFrame, dashboardPage, notice } from "./dashboard-layout.js";

export interface DomainsPageView {
  readonly domains: readonly DomainView[];
  readonly message?: string;
  readonly error?: string;
  /** What the register form held before an error. */
  readonly hostname?: string;
}

function domainCard(frame: DashboardFrame, domain: DomainView): SafeHtml {
  const path = `${frame.base}/domains/${encodeURIComponent(domain.hostname)}`;
  const { verification } = domain;
  return html`<li class="domain">
<div class="section-head"><h2 class="break">${domain.hostname}</h2><span class="badge ${domain.status === "active" ? "active" : ""}">${domain.status}</span></div>
${
  domain.status !== "active" &&
  html`<p class="small">Add this DNS record, then verify:</p>
<dl class="meta small"><dt>Type</dt><dd class="mono">${verification.type}</dd><dt>Name</dt><dd class="mono break">${verification.name}</dd><dt>Value</dt><dd class="mono break">${verification.value}</dd></dl>`
}
<div class="actions">
${domain.status !== "active" && html`<form method="post" action="${path}/verify">${csrfField(frame.csrfToken)}<button class="button secondary" type="submit">Verify ${domain.hostname}</button></form>`}
<form method="post" action="${path}/delete">${csrfField(frame.csrfToken)}<button class="button danger" type="submit">Delete ${domain.hostname}</button></form>
</div>
</li>`;
}

/** The account's custom domains: register one, see the TXT record to publish, verify, delete. */
export function domainsPage(frame: DashboardFrame, view: DomainsPageView): string {
  const body = html`<section class="card">
<h1>Domains</h1>
${notice(view.message)}${notice(view.error, "error")}
<form class="filters" method="post" action="${frame.base}/domains">
${csrfField(frame.csrfToken)}
<div><label for="hostname">Register a domain</label><input id="hostname" name="hostname" type="text" required maxlength="253" placeholder="go.example.com" value="${view.hostname ?? ""}" autocapitalize="off" spellcheck="false"></div>
<button class="button" type="submit">Register</button>
</form>
</section>
<section class="card">
${view.domains.length === 0 ? html`<p class="muted">No custom domains yet: links use the server's own domain.</p>` : html`<ul class="domains">${view.domains.map((domain) => domainCard(frame, domain))}</ul>`}
</section>`;
  return dashboardPage({ ...frame, current: "domains" }, "Domains", body);
}
