import { html } from "./escape.js";
import { type IconName, icon } from "./icons.js";
import { page } from "./layout.js";

function messagePage(title: string, mark: IconName, lead: string, hint: string, tone = ""): string {
  const body = html`<div class="card center">
<div class="icon-circle${tone}">${icon(mark)}</div>
<h1>${title}</h1>
<p class="lead">${lead}</p>
<p class="muted small">${hint}</p>
</div>`;
  return page({ title, body, noindex: true });
}

/** The 404 page for an unknown, deleted or disabled short link. */
export function notFoundPage(): string {
  return messagePage(
    "This link does not exist",
    "unlink",
    "We could not find a link at this address.",
    "Check the address for typos, or ask whoever shared it for a new one.",
  );
}

/** The 410 page for a link past its expiry date or out of clicks. */
export function gonePage(): string {
  return messagePage(
    "This link has expired",
    "clock",
    "The link you followed is no longer available.",
    "Its owner set it to stop working after a date or a number of visits.",
    " warn",
  );
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Not allowed",
  403: "Forbidden",
  404: "Page not found",
  405: "Method not allowed",
  410: "No longer available",
  413: "Request too large",
  429: "Too many requests",
  500: "Something went wrong",
  503: "Service unavailable",
};

/** A page for any other HTTP error, `message` shown as text. */
export function genericErrorPage(status: number, message: string): string {
  const title = TITLES[status] ?? (status >= 500 ? "Something went wrong" : "Request failed");
  return messagePage(title, "alert", message, `Error ${status}`, status >= 500 ? " danger" : " warn");
}
