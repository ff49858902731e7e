import type { DeliveryView, WebhookView } from "../../../application/views/webhook-view.js";
import { WEBHOOK_EVENTS } from "../../../domain/webhook/webhook.js";
import { html, type SafeHtml } from "../views/escape.js";
import { onFirstUse } from "../views/on-first-use.js";
import { csrfField, type DashboardFrame, dashboardPage, notice } from "./dashboard-layout.js";

export interface WebhooksPageView {
  readonly webhooks: readonly WebhookView[];
  /** An endpoint just added: its signing secret, shown this once. */
  readonly created?: { readonly url: string; readonly secret: string };
  /** The delivery log of one endpoint, when asked for. */
  readonly deliveries?: { readonly webhook: WebhookView; readonly list: readonly DeliveryView[] };
  readonly message?: string;
  readonly error?: string;
  readonly url?: string;
}

const TIME = onFirstUse(
  () => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
);
const when = (date: Date | null) => (date === null ? "—" : `${TIME().format(date)} UTC`);

function endpointItem(frame: DashboardFrame, webhook: WebhookView): SafeHtml {
  const path = `${frame.base}/webhooks/${encodeURIComponent(webhook.id)}`;
  return html`<li class="domain">
<div class="section-head"><h2 class="break">${webhook.url}</h2><span class="badge ${webhook.status === "active" ? "active" : "disabled"}">${webhook.status}</span></div>
<p class="small muted"><span class="mono">${webhook.id}</span> · ${webhook.events.join(", ")}${webhook.failingSince !== null && html` · failing since ${when(webhook.failingSince)}`}</p>
<div class="actions">
<a class="button secondary small" href="${path}/deliveries">Deliveries</a>
<form method="post" action="${path}/test">${csrfField(frame.csrfToken)}<button class="button secondary small" type="submit">Send a test to ${webhook.url}</button></form>
<form method="post" action="${path}/delete">${csrfField(frame.csrfToken)}<button class="button danger small" type="submit">Delete ${webhook.url}</button></form>
</div></li>`;
}

function deliveriesCard(view: NonNullable<WebhooksPageView["deliveries"]>): SafeHtml {
  return html`<section class="card" aria-labelledby="deliveries"><h2 id="deliveries" class="break">Deliveries to ${view.webhook.url}</h2>
${
  view.list.length === 0
    ? html`<p class="muted">Nothing sent yet.</p>`
    : html`<div class="table-scroll"><table class="links"><caption class="visually-hidden">The last deliveries</caption>
<thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col" class="num">Attempts</th><th scope="col" class="num">Answer</th><th scope="col">Next attempt</th><th scope="col">Queued</th></tr></thead>
<tbody>${view.list.map(
        (delivery) =>
          html`<tr><td>${delivery.event}<br><span class="mono small muted">${delivery.id}</span></td><td>${delivery.status}</td><td class="num">${delivery.attempts}</td><td class="num">${delivery.responseStatus ?? "—"}</td><td>${when(delivery.nextAttemptAt)}</td><td>${when(delivery.createdAt)}</td></tr>`,
      )}</tbody></table></div>`
}</section>`;
}

/** The account's webhook endpoints: add one (its secret shown once), see deliveries, send a test, delete. */
export function webhooksPage(frame: DashboardFrame, view: WebhooksPageView): string {
  const body = html`${
    view.created !== undefined &&
    html`<section class="card" aria-labelledby="new-secret"><h2 id="new-secret" class="break">Signing secret for ${view.created.url}</h2>
<p>Copy it now: it is shown this once. Verify each delivery's <span class="mono">webhook-signature</span> with it (Standard Webhooks).</p>
<p class="secret mono" id="secret">${view.created.secret}</p></section>`
  }${view.deliveries !== undefined && deliveriesCard(view.deliveries)}<section class="card">
<h1>Webhooks</h1>
${notice(view.message)}${notice(view.error, "error")}
${view.webhooks.length === 0 ? html`<p class="muted">No webhooks yet.</p>` : html`<ul class="domains">${view.webhooks.map((webhook) => endpointItem(frame, webhook))}</ul>`}
</section>
<section class="card"><h2>Add a webhook</h2>
<form class="link-form" method="post" action="${frame.base}/webhooks">
${csrfField(frame.csrfToken)}
<div class="field"><label for="url">Endpoint URL</label><input id="url" name="url" type="url" required maxlength="2048" placeholder="https://example.com/hooks/hexlink" value="${view.url ?? ""}"></div>
<fieldset class="scopes"><legend>Events</legend>
${WEBHOOK_EVENTS.map((event) => html`<div class="check"><input id="event-${event}" name="events" type="checkbox" value="${event}" checked><label for="event-${event}">${event}</label></div>`)}
</fieldset>
<button class="button" type="submit">Add webhook</button>
</form></section>`;
  return dashboardPage({ ...frame, current: "webhooks" }, "Webhooks", body);
}
