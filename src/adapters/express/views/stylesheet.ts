import { createHash } from "node:crypto";

/** Where pages link the stylesheet; the HTTP adapter serves {@link STYLESHEET} there. */
export const STYLESHEET_PATH = "/static/hexlink.css";

/** Brand colours, shared with the SVG charts so both agree without inline styles. */
export const COLORS = {
  brand: "#5b3fd6",
  brandSoft: "#e9e4fb",
  text: "#1c1f2b",
  muted: "#575d6e",
  grid: "#e3e5ec",
  axis: "#c3c7d3",
} as const;

/** The one stylesheet every hexlink page uses (served as a file: the CSP allows no inline styles). */
export const STYLESHEET = `:root {
  --brand: ${COLORS.brand};
  --brand-dark: #4527b8;
  --brand-soft: ${COLORS.brandSoft};
  --text: ${COLORS.text};
  --muted: ${COLORS.muted};
  --line: ${COLORS.grid};
  --bg: #f5f6fa;
  --card: #ffffff;
  --danger: #b42318;
  --danger-soft: #fdecea;
  --ok: #067647;
  --ok-soft: #e6f4ec;
  --warn: #b54708;
  --warn-soft: #fef0c7;
  --radius: 14px;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  min-height: 100vh;
  display: flex;
  flex-direction: column;
  background: var(--bg);
  color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    sans-serif;
}
a { color: var(--brand); text-underline-offset: 2px; }
a:hover { color: var(--brand-dark); }
:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
.site-header, .site-footer { width: 100%; max-width: 1040px; margin: 0 auto; padding: 20px 20px 0; }
.site-footer { padding: 24px 20px 32px; color: var(--muted); font-size: 0.875rem; text-align: center; }
.brand {
  display: inline-flex; align-items: center; gap: 8px;
  color: var(--text); font-weight: 700; font-size: 1.125rem; letter-spacing: -0.01em; text-decoration: none;
}
.brand svg { display: block; }
main { flex: 1; width: 100%; max-width: 1040px; margin: 0 auto; padding: 24px 20px; }
body.narrow .site-header { max-width: 480px; }
main.narrow { max-width: 480px; display: flex; flex-direction: column; justify-content: center; }
.card {
  background: var(--card);
  border: 1px solid var(--line);
  border-radius: var(--radius);
  box-shadow: 0 1px 2px rgba(16, 24, 40, 0.04), 0 8px 24px rgba(16, 24, 40, 0.06);
  padding: 28px;
}
.card + .card, .grid + .card, .card + .grid, .grid + .grid { margin-top: 20px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 8px; letter-spacing: -0.015em; }
h2 { font-size: 1.0625rem; margin: 0 0 12px; }
p { margin: 0 0 12px; }
.lead { color: var(--muted); }
.center { text-align: center; }
.icon-circle {
  width: 56px; height: 56px; margin: 0 auto 16px; border-radius: 50%;
  display: flex; align-items: center; justify-content: center;
  background: var(--brand-soft); color: var(--brand);
}
.icon-circle.warn { background: var(--warn-soft); color: var(--warn); }
.icon-circle.danger { background: var(--danger-soft); color: var(--danger); }
.icon { display: block; }
.muted { color: var(--muted); }
.small { font-size: 0.875rem; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.break { overflow-wrap: anywhere; word-break: break-word; }
label { display: block; font-weight: 600; margin: 16px 0 6px; }
input[type="password"], input[type="date"], input[type="text"], input[type="url"], input[type="number"],
input[type="search"],
input[type="datetime-local"], select {
  width: 100%; min-height: 44px; padding: 10px 12px; font: inherit; color: var(--text);
  background: #fff; border: 1px solid #b9bdc9; border-radius: 10px;
}
input:focus-visible { outline: 3px solid var(--brand-soft); border-color: var(--brand); }
input[aria-invalid="true"] { border-color: var(--danger); }
.button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 44px; padding: 10px 18px;
  font: inherit; font-weight: 600; color: #fff; background: var(--brand); border: 0; border-radius: 10px;
  cursor: pointer; text-decoration: none;
}
.button:hover { background: var(--brand-dark); color: #fff; }
.button.block { width: 100%; margin-top: 16px; }
.button.secondary { color: var(--brand); background: var(--brand-soft); }
.button.secondary:hover { color: var(--brand-dark); background: #ddd5f8; }
.alert {
  margin: 16px 0 0; padding: 10px 12px; border-radius: 10px;
  color: var(--danger); background: var(--danger-soft); font-weight: 600;
}
.badge {
  display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 0.8125rem; font-weight: 600;
  color: var(--muted); background: var(--line); text-transform: capitalize; vertical-align: middle;
}
.badge.active { color: var(--ok); background: var(--ok-soft); }
.badge.expired, .badge.exhausted, .badge.disabled { color: var(--danger); background: var(--danger-soft); }
.link-head { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
.link-head .info { flex: 1 1 320px; min-width: 0; }
.link-head h1 a { text-decoration: none; }
.qr { flex: 0 0 auto; text-align: center; }
.qr img { display: block; width: 128px; height: 128px; border: 1px solid var(--line); border-radius: 10px; }
.qr p { margin: 8px 0 0; color: var(--muted); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; min-width: 0; }
.stats { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 0; }
.stat {
  display: flex; flex-direction: column;
  padding: 16px; border: 1px solid var(--line); border-radius: 12px; background: #fafbfd;
}
.stat dt { color: var(--muted); font-size: 0.875rem; }
.stat dd {
  margin: auto 0 0; padding-top: 4px; font-size: 1.75rem; font-weight: 700; letter-spacing: -0.02em;
  font-variant-numeric: tabular-nums;
}
.range { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; margin: 4px 0 20px; }
.range div { flex: 1 1 130px; min-width: 0; }
.range label { margin-top: 0; font-size: 0.875rem; }
.section-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 20px; }
.grid.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.grid .card { margin: 0; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 8px; }
/* Charts have no viewBox: they take the card's width and keep their own height and text size. */
svg.chart { display: block; width: 100%; overflow: visible; }
figure.timeseries { margin-top: 24px; }
details { margin-top: 12px; font-size: 0.875rem; }
summary { cursor: pointer; color: var(--brand); font-weight: 600; }
.table-wrap { max-height: 320px; overflow: auto; margin-top: 8px; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; }
th { color: var(--muted); font-weight: 600; position: sticky; top: 0; background: var(--card); }
td.num, th.num { text-align: right; }
td.name { overflow-wrap: anywhere; }
/* The dashboard (/app): navigation, forms, the links table. */
.site-header { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.app-nav { display: flex; align-items: center; gap: 4px 16px; flex-wrap: wrap; flex: 1; }
.app-nav a { font-weight: 600; text-decoration: none; padding: 6px 2px; }
.app-nav a[aria-current="page"] { color: var(--text); border-bottom: 3px solid var(--brand); }
.app-nav .account { margin-left: auto; overflow-wrap: anywhere; }
.app-nav form { margin: 0; }
.button.small { min-height: 36px; padding: 6px 12px; font-size: 0.875rem; }
.button.danger { color: #fff; background: var(--danger); }
.button.danger:hover { background: #912018; }
.notice {
  margin: 16px 0 0; padding: 10px 12px; border-radius: 10px; color: var(--ok); background: var(--ok-soft); font-weight: 600;
}
.filters { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; margin: 16px 0; }
.filters div { flex: 1 1 180px; min-width: 0; }
.filters label { margin-top: 0; font-size: 0.875rem; }
.link-form .two { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 16px; }
.link-form .button { margin-top: 20px; }
.hint { margin: 4px 0 0; }
.check { display: flex; align-items: center; gap: 8px; margin-top: 12px; }
.check label { margin: 0; font-weight: 400; }
input[type="checkbox"] { width: 20px; height: 20px; accent-color: var(--brand); }
.table-scroll { overflow-x: auto; }
table.links td { vertical-align: top; }
td.destination { max-width: 360px; color: var(--muted); }
.bulk { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; margin-top: 16px; }
.bulk label { margin: 0 0 6px; width: 100%; font-size: 0.875rem; }
.bulk select { width: auto; flex: 0 1 200px; min-width: 0; }
.bulk div { flex: 1 1 160px; min-width: 0; position: relative; }
.paging { margin: 16px 0 0; text-align: right; }
.back { margin: 0 0 12px; }
.danger-zone h2 { color: var(--danger); }
ul.domains { list-style: none; margin: 0; padding: 0; }
li.domain + li.domain { border-top: 1px solid var(--line); margin-top: 16px; padding-top: 16px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
.actions form { margin: 0; }
a.tag { font-size: 0.8125rem; text-decoration: none; }
details.targets { font-size: 1rem; margin-top: 20px; }
details.targets summary { font-size: 1rem; }
fieldset.rule .conditions { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0 12px; }
fieldset.rule .conditions label, .variant label { font-size: 0.875rem; }
@media (max-width: 720px) { fieldset.rule .conditions { grid-template-columns: minmax(0, 1fr); } }
fieldset { border: 1px solid var(--line); border-radius: 10px; margin: 16px 0 0; padding: 4px 16px 12px; }
legend { font-weight: 600; padding: 0 4px; }
.secret { padding: 12px; border-radius: 10px; background: var(--warn-soft); overflow-wrap: anywhere; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (max-width: 880px) {
  .grid.three { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (max-width: 720px) {
  .grid, .grid.three { grid-template-columns: minmax(0, 1fr); }
  .link-form .two { grid-template-columns: minmax(0, 1fr); }
  .app-nav .account { margin-left: 0; width: 100%; }
}
@media (max-width: 480px) {
  main { padding: 16px 12px; }
  .site-header { padding: 16px 12px 0; }
  .card { padding: 20px 16px; }
  h1 { font-size: 1.25rem; }
  dl.meta { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.meta dt { font-size: 0.875rem; }
  dl.meta dd + dt { margin-top: 8px; }
  .range .button { flex: 1 1 100%; }
  .stats { gap: 8px; }
  .stat { padding: 10px 12px; }
  .stat dt { font-size: 0.75rem; line-height: 1.3; }
  .stat dt .small { display: none; }
  .stat dd { font-size: 1.25rem; }
  .qr img { width: 112px; height: 112px; }
}
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
}
`;

/** A strong validator for {@link STYLESHEET}, usable as an ETag or a cache-busting version. */
export const STYLESHEET_HASH = createHash("sha256").update(STYLESHEET).digest("base64url").slice(0, 16);
