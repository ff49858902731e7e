import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { Router } from "express";
import type { ApiOperation } from "./openapi-document.js";
import { openApiDocument } from "./openapi-document.js";

const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>hexlink API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });`;

// Swagger UI sets inline styles, so the docs page alone allows them; scripts stay same-origin only.
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/** `/openapi.json` and `/docs`, rendered by Swagger UI from assets installed with the package (no CDN). */
export function docsRouter(routes: () => readonly ApiOperation[], serverUrl: string): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  router.get("/openapi.json", (_req, res) => {
    document ??= openApiDocument(routes(), serverUrl);
    res.json(document);
  });
  router.get("/docs", (_req, res) => {
    res
      .set({ "Content-Security-Policy": DOCS_CSP, "Content-Type": "text/html; charset=utf-8" })
      .send(DOCS_HTML);
  });
  router.get("/docs/init.js", (_req, res) => {
    res.type("application/javascript").send(INIT_JS);
  });
  router.use("/docs/assets", express.static(swaggerDir, { index: false, maxAge: "1d" }));
  return router;
}
