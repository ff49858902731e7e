import { type HtmlValue, html } from "./escape.js";
import { STYLESHEET_PATH } from "./stylesheet.js";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};

/**
 * The OpenAPI document as a plain HTML reference: every operation with its parameters, request body and
 * answers, the schemas shown as JSON. Rendered on the server, so the page needs no script and no UI package.
 */
export function apiReferencePage(document: Json): string {
  const info = asObject(document.info);
  const operations: HtmlValue[] = [];
  for (const [path, item] of Object.entries(asObject(document.paths))) {
    for (const method of METHODS) {
      const operation = asObject(asObject(item)[method]);
      if (Object.keys(operation).length > 0) operations.push(operationSection(method, path, operation));
    }
  }
  return String(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${String(info.title ?? "hexlink")} · API reference</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body class="wide">
<main class="wide">
<h1>${String(info.title ?? "hexlink")} API reference</h1>
<p>Version ${String(info.version ?? "")}. The machine-readable document: <a href="/openapi.json">/openapi.json</a>.</p>
${operations}
</main>
</body>
</html>`);
}

function operationSection(method: string, path: string, operation: Json): HtmlValue {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters.map(asObject) : [];
  const body = asObject(asObject(asObject(operation.requestBody).content)["application/json"]).schema;
  const responses = Object.entries(asObject(operation.responses));
  const scope = operation["x-required-scope"];
  return html`<section class="card" id="${`${method}-${path}`}">
<h2><code>${method.toUpperCase()} ${path}</code></h2>
<p>${String(operation.summary ?? "")}</p>
${typeof scope === "string" && html`<p>API key scope: <code>${scope}</code></p>`}
${
  parameters.length > 0 &&
  html`<h3>Parameters</h3><ul>${parameters.map(
    (parameter) =>
      html`<li><code>${String(parameter.name)}</code> (${String(parameter.in)}${parameter.required === true ? ", required" : ""}) ${String(parameter.description ?? "")}</li>`,
  )}</ul>`
}
${body !== undefined && html`<h3>Request body</h3><pre>${JSON.stringify(body, null, 2)}</pre>`}
<h3>Answers</h3>
<ul>${responses.map(
    ([status, response]) =>
      html`<li><strong>${status}</strong> ${String(asObject(response).description ?? "")}</li>`,
  )}</ul>
</section>
`;
}
