import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pageRoutesOf } from "../routing/page-route.js";

/** What the documentation routes serve: the OpenAPI document, made once on first request. */
export interface DocsContext {
  document(): Record<string, unknown>;
}

const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*$/;

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>hexlink API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });`;

// Swagger UI sets inline styles, so the docs page alone allows them; scripts stay same-origin only.
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

const route = pageRoutesOf<DocsContext>();

/** `/openapi.json` and `/docs`, rendered by Swagger UI from assets installed with the package (no CDN). */
export const DOCS_ROUTES = [
  route({
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    tag: "operations",
    responses: { "200": "OpenAPI 3.1" },
    handle: (docs, _input, _req, res) => void res.json(docs.document()),
  }),
  route({
    method: "get",
    path: "/docs",
    summary: "This document, rendered",
    tag: "operations",
    responses: { "200": "HTML" },
    handle: (_docs, _input, _req, res) =>
      void res
        .set({ "Content-Security-Policy": DOCS_CSP, "Content-Type": "text/html; charset=utf-8" })
        .send(DOCS_HTML),
  }),
  route({
    method: "get",
    path: "/docs/init.js",
    summary: "The script that starts Swagger UI on /docs",
    tag: "assets",
    responses: { "200": "JavaScript" },
    handle: (_docs, _input, _req, res) => void res.type("application/javascript").send(INIT_JS),
  }),
  route({
    method: "get",
    path: "/docs/assets/{file}",
    summary: "Swagger UI's own files, served from the installed package",
    tag: "assets",
    responses: { "200": "CSS or JavaScript", "404": "no such file" },
    handle: (_docs, { params }, _req, res, next) => {
      if (!ASSET_NAME.test(params.file)) return next();
      // A file that is not there goes on to the app's 404 page, as express.static would.
      res.sendFile(params.file, { root: swaggerDir, maxAge: "1d", dotfiles: "deny" }, (error) => {
        if (error !== undefined && !res.headersSent) next();
      });
    },
  }),
];
