import type { ApiOperation } from "../openapi/openapi-document.js";

/** The public, unauthenticated routes (redirects, pages, operations), for the OpenAPI document. */
export const PAGE_ROUTES: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/",
    summary: "What runs here, with links to the API documentation",
    tag: "pages",
    responses: { "200": "HTML" },
  },
  {
    method: "get",
    path: "/{slug}",
    summary: "Follow a short link (HEAD too)",
    tag: "redirects",
    responses: {
      "302": "redirect (status per HEXLINK_REDIRECT_STATUS)",
      "200": "password form",
      "404": "unknown or disabled",
      "410": "expired",
    },
  },
  {
    method: "post",
    path: "/{slug}",
    summary: "Submit a link's password (form field `password`)",
    tag: "redirects",
    responses: { "303": "redirect", "401": "wrong password", "429": "too many attempts" },
  },
  {
    method: "get",
    path: "/{slug}/qr",
    summary: "QR code of the short URL (SVG; ?format=png, ?size=64–1024)",
    tag: "redirects",
    responses: { "200": "image", "404": "unknown link" },
  },
  {
    method: "get",
    path: "/t/{id}",
    summary: "Tracking page with charts (?start, ?end as YYYY-MM-DD)",
    tag: "pages",
    responses: { "200": "HTML", "404": "unknown link" },
  },
  {
    method: "get",
    path: "/static/hexlink.css",
    summary: "The stylesheet of every HTML page",
    tag: "assets",
    responses: { "200": "CSS", "304": "not modified" },
  },
];
