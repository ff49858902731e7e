import { html } from "./escape.js";
import { icon } from "./icons.js";
import { page } from "./layout.js";

/** The server's root: what runs here and where its API and docs are, for whoever opens it in a browser. */
export function homePage(origin: string): string {
  const body = html`<div class="card center">
<div class="icon-circle">${icon("check")}</div>
<h1>hexlink is running</h1>
<p class="lead">Short links answer at <code>${origin}/&lt;slug&gt;</code>.</p>
<p class="small"><a href="/docs">API documentation</a> · <a href="/openapi.json">OpenAPI</a> · <a href="/healthz">health</a></p>
</div>`;
  return page({ title: "hexlink", body, noindex: true });
}
