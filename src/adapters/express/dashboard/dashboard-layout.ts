import { html, type SafeHtml } from "../views/escape.js";
import { page } from "../views/layout.js";

/** Where a dashboard page sits and whom it is for: every page's navigation and sign-out form need it. */
export interface DashboardFrame {
  /** The dashboard's path, e.g. `/app`. */
  readonly base: string;
  readonly accountId: string;
  readonly csrfToken: string;
  readonly current?: "links" | "new" | "domains" | "keys" | "webhooks" | "import";
}

const SECTIONS = [
  { id: "links", label: "Links", path: "/links" },
  { id: "new", label: "New link", path: "/links/new" },
  { id: "domains", label: "Domains", path: "/domains" },
  { id: "import", label: "Import/export", path: "/import" },
  { id: "keys", label: "API keys", path: "/keys" },
  { id: "webhooks", label: "Webhooks", path: "/webhooks" },
] as const;

/** The hidden field every dashboard form carries; a post without the session's token is refused. */
export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrfToken}">`;
}

function navigation(frame: DashboardFrame): SafeHtml {
  return html`<nav class="app-nav" aria-label="Dashboard">
${SECTIONS.map(
  (section) =>
    html`<a href="${frame.base}${section.path}"${frame.current === section.id && html` aria-current="page"`}>${section.label}</a>`,
)}
<span class="account muted small" title="Signed-in account">${frame.accountId}</span>
<form method="post" action="${frame.base}/sign-out">${csrfField(frame.csrfToken)}<button class="button secondary small" type="submit">Sign out</button></form>
</nav>`;
}

/** A dashboard page: the hexlink look, the navigation, and `body`. */
export function dashboardPage(frame: DashboardFrame, title: string, body: SafeHtml): string {
  return page({ title, body, noindex: true, wide: true, nav: navigation(frame) });
}

/** A message at the top of a page: what the last action did, or why it failed. */
export function notice(text: string | undefined, kind: "ok" | "error" = "ok"): SafeHtml | false {
  if (text === undefined || text === "") return false;
  return kind === "ok"
    ? html`<p class="notice" role="status">${text}</p>`
    : html`<p class="alert" role="alert">${text}</p>`;
}
