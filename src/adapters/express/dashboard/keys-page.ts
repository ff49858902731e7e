import type { NamedApiKeyView } from "../../../application/use-cases/api-key/list-api-keys.js";
import { API_KEY_NAME_MAX_LENGTH } from "../../../domain/api-key/api-key.js";
import type { ApiKeyScope } from "../../../domain/api-key/key-access.js";
import { html, type SafeHtml } from "../views/escape.js";
import { onFirstUse } from "../views/on-first-use.js";
import { csrfField, type DashboardFrame, dashboardPage, notice } from "./dashboard-layout.js";

export interface KeysPageView {
  readonly keys: readonly NamedApiKeyView[];
  /** The scopes the signed-in key holds: a new key gets at most these. */
  readonly scopes: readonly ApiKeyScope[];
  /** The id of the key this session signed in with (revoking it signs out). */
  readonly currentKeyId: string;
  /** A key just made: its secret, shown this once. */
  readonly created?: { readonly secret: string; readonly name: string };
  readonly message?: string;
  readonly error?: string;
}

const DAY = onFirstUse(() => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }));
const day = (date: Date | null) => (date === null ? "—" : DAY().format(date));

function keyRow(frame: DashboardFrame, key: NamedApiKeyView, currentKeyId: string): SafeHtml {
  const label = key.name ?? key.id;
  return html`<tr>
<td class="name">${key.name ?? html`<span class="muted">unnamed</span>`}<br><span class="mono small muted">${key.id}</span>${key.id === currentKeyId && html` <span class="badge active">this session</span>`}</td>
<td class="small">${key.scopes.join(", ")}</td>
<td class="small">${key.domains === null ? "all" : key.domains.join(", ")}</td>
<td>${day(key.createdAt)}</td>
<td>${day(key.lastUsedAt)}</td>
<td>${day(key.expiresAt)}</td>
<td><form method="post" action="${frame.base}/keys/${encodeURIComponent(key.id)}/revoke">${csrfField(frame.csrfToken)}<button class="button danger small" type="submit" aria-label="Revoke ${label}">Revoke</button></form></td>
</tr>`;
}

function createdBox(created: NonNullable<KeysPageView["created"]>): SafeHtml {
  return html`<section class="card" aria-labelledby="new-key">
<h2 id="new-key">New key “${created.name}”</h2>
<p>Copy it now: it is shown this once, and hexlink keeps only its hash.</p>
<p class="secret mono" id="secret">${created.secret}</p>
</section>`;
}

/** The account's API keys: create one (its secret shown once), revoke one. */
export function keysPage(frame: DashboardFrame, view: KeysPageView): string {
  const body = html`${view.created !== undefined && createdBox(view.created)}<section class="card">
<h1>API keys</h1>
${notice(view.message)}${notice(view.error, "error")}
${
  view.keys.length === 0
    ? html`<p class="muted">No keys.</p>`
    : html`<div class="table-scroll"><table class="links">
<caption class="visually-hidden">The account's API keys</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Domains</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Revoke</span></th></tr></thead>
<tbody>${view.keys.map((key) => keyRow(frame, key, view.currentKeyId))}</tbody>
</table></div>`
}
</section>
<section class="card">
<h2>Create a key</h2>
<form class="link-form" method="post" action="${frame.base}/keys">
${csrfField(frame.csrfToken)}
<div class="field"><label for="name">Name</label><input id="name" name="name" type="text" required maxlength="${API_KEY_NAME_MAX_LENGTH}" placeholder="reporting job"></div>
<fieldset class="scopes"><legend>Scopes</legend>
${view.scopes.map((scope) => html`<div class="check"><input id="scope-${scope}" name="scopes" type="checkbox" value="${scope}" checked><label for="scope-${scope}">${scope}</label></div>`)}
</fieldset>
<div class="two">
<div class="field"><label for="domains">Limited to domains (optional)</label><input id="domains" name="domains" type="text" maxlength="2000" placeholder="go.example.com, links.example.com"><p class="hint small muted">Comma-separated; empty for every domain.</p></div>
<div class="field"><label for="expires_at">Expires at (UTC, optional)</label><input id="expires_at" name="expires_at" type="datetime-local"></div>
</div>
<button class="button" type="submit">Create key</button>
</form>
</section>`;
  return dashboardPage({ ...frame, current: "keys" }, "API keys", body);
}
