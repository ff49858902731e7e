import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS } from "../../../../src/adapters/express/openapi/all-operations.js";
import { openApiDocument, operationIdOf } from "../../../../src/adapters/express/openapi/openapi-document.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

interface Operation {
  readonly operationId?: string;
  readonly security?: unknown[];
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

  it("declares empty security on public routes and a scheme on the APIs", () => {
    for (const { path, method, operation } of operations) {
      const expected = path.startsWith("/v1/")
        ? [{ bearer: [] }]
        : path.startsWith("/client/api/")
          ? [{ clientKey: [] }]
          : [];
      expect(operation.security, `${method} ${path}`).toEqual(expected);
    }
  });

  it("carries the package's version and license, and documents /metrics", () => {
    expect(document.info.version).toBe(VERSION);
    expect(document.info.license).toEqual({ name: "MIT", identifier: "MIT" });
    expect(document.paths["/metrics"]?.get?.operationId).toBe("getMetrics");
  });
});
