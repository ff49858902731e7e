import { html, type SafeHtml } from "./escape.js";

/** The pictograms shown above a message or a form, drawn in the text colour of their container. */
export type IconName = "lock" | "unlink" | "clock" | "alert" | "check";

const PATHS: Readonly<Record<IconName, SafeHtml>> = {
  lock: html`<rect x="5" y="10.5" width="14" height="10" rx="2.5"/><path d="M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3"/>
<path d="M12 14.5v2"/>`,
  unlink: html`<path d="M9.5 16.5H7.5a4.5 4.5 0 0 1 0-9h2M14.5 7.5h2a4.5 4.5 0 0 1 3.2 7.7"/>
<path d="M8.5 12h3M3.5 3.5l17 17"/>`,
  clock: html`<circle cx="12" cy="12" r="8.5"/><path d="M12 7.5V12l3 2"/>`,
  check: html`<path d="M5 12.5l4.5 4.5L19 7.5"/>`,
  alert: html`<path d="M10.3 4.2 2.9 17.4A2 2 0 0 0 4.6 20.4h14.8a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z"/>
<path d="M12 9.5v4M12 17h.01"/>`,
};

/** A 28 px line icon, hidden from assistive technology (the heading next to it says the same). */
export function icon(name: IconName): SafeHtml {
  return html`<svg class="icon" width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor"
 stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${PATHS[name]}</svg>`;
}
