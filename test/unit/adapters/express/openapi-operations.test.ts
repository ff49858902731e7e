import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_API } from "../../../../src/adapters/express/client/client-api.js";
import { ALL_OPERATIONS } from "../../../../src/adapters/express/openapi/all-operations.js";
import { openApiDocument, operationIdOf } from "../../../../src/adapters/express/openapi/openapi-document.js";
import { V1_API } from "../../../../src/adapters/express/v1/v1-api.js";
import { API_KEY_SCOPES } from "../../../../src/domain/api-key/key-access.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

interface Operation {
  readonly operationId?: string;
  readonly security?: unknown[];
  readonly "x-required-scope"?: string;
}

const document = openApiDocument(ALL_OPERATIONS, "https://sho.rt") as {
  info: { version: string; license?: unknown };
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

describe("the OpenAPI document's operations", () => {
  it("gives every operation an operationId, none twice", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(operations.length);
  });

  it("names operations after method and path", () => {
    expect(operationIdOf("get", "/v1/links/{id}")).toBe("getV1LinksById");
    expect(operationIdOf("post", "/client/api/url/shorten")).toBe("postClientApiUrlShorten");
    expect(operationIdOf("get", "/")).toBe("getRoot");
    expect(operationIdOf("get", "/openapi.json")).toBe("getOpenapiJson");
  });

  it("declares empty security on public routes and a scheme with the route's scope on the APIs", () => {
    for (const { path, method, operation } of operations) {
      const scope = operation["x-required-scope"];
      const keyed = path.startsWith("/v1/") || path.startsWith("/client/api/");
      if (keyed) expect(API_KEY_SCOPES, `${method} ${path}`).toContain(scope);
      else expect(scope, `${method} ${path}`).toBeUndefined();
      const expected = path.startsWith("/v1/")
        ? [{ bearer: [scope] }]
        : path.startsWith("/client/api/")
          ? [{ clientKey: [scope] }]
          : [];
      expect(operation.security, `${method} ${path}`).toEqual(expected);
    }
  });

  it("shows the scope each route of the API tables declares", () => {
    const routes = [
      ...V1_API.routes.map((r) => ({ ...r, base: V1_API.base })),
      ...CLIENT_API.routes.map((r) => ({ ...r, base: CLIENT_API.base })),
    ];
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const path = `${route.base}${route.path}`;
      expect(API_KEY_SCOPES, `${route.method} ${path}`).toContain(route.scope);
      expect(document.paths[path]?.[route.method]?.["x-required-scope"]).toBe(route.scope);
    }
  });

  it("carries the package's version and license, and documents /metrics", () => {
    expect(document.info.version).toBe(VERSION);
    expect(document.info.license).toEqual({ name: "MIT", identifier: "MIT" });
    expect(document.paths["/metrics"]?.get?.operationId).toBe("getMetrics");
  });
});
