import { html, type SafeHtml } from "./escape.js";
import { COLORS, STYLESHEET_PATH } from "./stylesheet.js";

/** What {@link page} needs: the document title, the main content and whether search engines may index it. */
export interface PageOptions {
  readonly title: string;
  readonly body: SafeHtml;
  readonly noindex?: boolean;
  /** A wide page (analytics) instead of a narrow centred card (forms, errors). */
  readonly wide?: boolean;
  /** More of the site header after the brand (the dashboard's navigation). */
  readonly nav?: SafeHtml;
}

const LOGO = html`<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 28 28"
 aria-hidden="true" focusable="false">
<path d="M14 1.5 25 7.75v12.5L14 26.5 3 20.25V7.75z" fill="${COLORS.brand}"/>
<path d="M11.5 16.5l5-5M10 13.5l-1.2 1.2a2.8 2.8 0 0 0 4 4l1.2-1.2M18 14.5l1.2-1.2a2.8 2.8 0 0 0-4-4L14 10.5"
 fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>
</svg>`;

// The logo as an inline icon: no page asks for /favicon.ico (a 404 in every console), and `img-src data:` allows it.
const FAVICON = `data:image/svg+xml,${encodeURIComponent(String(LOGO))}`;

/** Renders a complete HTML document in the hexlink look around `body`. */
export function page({ title, body, noindex = false, wide = false, nav }: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
${noindex && html`<meta name="robots" content="noindex">\n`}<title>${title} · hexlink</title>
<link rel="icon" type="image/svg+xml" href="${FAVICON}">
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body class="${wide ? "wide" : "narrow"}">
<header class="site-header"><span class="brand">${LOGO}hexlink</span>${nav}</header>
<main class="${wide ? "wide" : "narrow"}">
${body}
</main>
<footer class="site-footer">Short links by hexlink</footer>
</body>
</html>
`.toString();
}
