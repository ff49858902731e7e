import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CLIENT_API } from "../../../../../src/adapters/express/client/client-api.js";
import {
  declareRoute,
  expressPath,
  pathParamsSchema,
} from "../../../../../src/adapters/express/routing/declare-route.js";
import { V1_API } from "../../../../../src/adapters/express/v1/v1-api.js";
import { DomainError } from "../../../../../src/domain/errors/domain-error.js";

const route = declareRoute({
  method: "get",
  path: "/links/{id}/clicks/{day}",
  summary: "a route",
  scope: "analytics:read",
  query: z.strictObject({ limit: z.string().transform(Number).optional() }),
  body: z.strictObject({ name: z.string() }),
  success: { status: 200, description: "ok", body: z.strictObject({ success: z.literal(true) }) },
  errors: ["link_not_found"],
});

function refusal(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe("declareRoute", () => {
  it("declares the path's parameters, one string each", () => {
    expect(route.declaration.params.safeParse({ id: "lnk_1", day: "2026-01-01" }).success).toBe(true);
    expect(route.declaration.params.safeParse({ id: "lnk_1" }).success).toBe(false);
    expect(route.declaration.errors).toEqual(["link_not_found"]);
    expect(route.declaration.scope).toBe("analytics:read");
  });

  it("gives the handler the parsed params, query and body", () => {
    const parsed = route.parse({
      params: { id: "lnk_1", day: "2026-01-01" },
      query: { limit: "5" },
      body: { name: "x" },
    });
    expect(parsed).toEqual({
      params: { id: "lnk_1", day: "2026-01-01" },
      query: { limit: 5 },
      body: { name: "x" },
    });
  });

  it("refuses a query or body that does not fit with invalid_request naming the field", () => {
    const params = { id: "lnk_1", day: "2026-01-01" };
    const badQuery = refusal(() => route.parse({ params, query: { other: "1" }, body: { name: "x" } }));
    expect(badQuery?.code).toBe("invalid_request");
    expect(badQuery?.message).toBe("Unknown field 'other'.");
    const noBody = refusal(() => route.parse({ params, query: {}, body: undefined }));
    expect(noBody?.code).toBe("invalid_request");
    expect(noBody?.message).toContain("'name'");
  });

  it("writes any OpenAPI template as the Express path with the same parameters", () => {
    const segment = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), segment), { minLength: 1, maxLength: 5 }), (parts) => {
        const template = parts.map(([param, name]) => (param ? `/{${name}}` : `/${name}`)).join("");
        const express = parts.map(([param, name]) => (param ? `/:${name}` : `/${name}`)).join("");
        expect(expressPath(template)).toBe(express);
        const names = parts.filter(([param]) => param).map(([, name]) => name);
        const schema = pathParamsSchema(template);
        expect(schema.safeParse(Object.fromEntries(names.map((name) => [name, "v"]))).success).toBe(true);
      }),
    );
  });
});

describe("the API tables", () => {
  it.each([
    ["v1", V1_API],
    ["client", CLIENT_API],
  ] as const)("%s: declares each method and path once", (_name, table) => {
    const keys = table.routes.map((entry) => `${entry.method} ${entry.path}`);
    expect(keys.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
