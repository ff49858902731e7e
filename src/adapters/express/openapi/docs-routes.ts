import { PAGE_HEADERS } from "../pages/send-page.js";
import { pageRoutesOf } from "../routing/page-route.js";
import { apiReferencePage } from "../views/api-reference.js";

/** What the documentation routes serve: the OpenAPI document, made once on first request. */
export interface DocsContext {
  document(): Record<string, unknown>;
}

const route = pageRoutesOf<DocsContext>();

/**
 * `/openapi.json` and `/docs`, the document rendered on the server as a plain HTML reference: no script and no
 * UI package (Swagger UI's package runs a telemetry install script), under the pages' strict CSP.
 */
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
    handle: (docs, _input, _req, res) => {
      const document = docs.document();
      const body = references.get(document) ?? apiReferencePage(document);
      references.set(document, body);
      res.set({ ...PAGE_HEADERS, "Cache-Control": "no-cache", "Content-Type": "text/html; charset=utf-8" });
      res.send(body);
    },
  }),
];

// A router's document is fixed once made, so its rendering is made once too.
const references = new WeakMap<object, string>();
