import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_API } from "../../../../src/adapters/express/client/client-api.js";
import { V1_API } from "../../../../src/adapters/express/v1/v1-api.js";

const PAGE = readFileSync(new URL("../../../../docs/http-api.md", import.meta.url), "utf8");

describe("docs/http-api.md's table of routes and scopes", () => {
  it("has one row per route of both API tables, with the scope the route declares", () => {
    const routes = [V1_API, CLIENT_API].flatMap((api) =>
      api.routes.map((route) => ({
        ...route,
        path: `${api.base}${route.path.replace(/\{(\w+)\}/g, ":$1")}`,
      })),
    );
    const rows = [...PAGE.matchAll(/^\| `(GET|POST|PATCH|DELETE) (\/\S+)` \| `([a-z]+:[a-z]+)` \|$/gm)];
    expect(rows).toHaveLength(routes.length);
    for (const route of routes) {
      const row = rows.find((match) => match[1] === route.method.toUpperCase() && match[2] === route.path);
      expect(row?.[3], `${route.method} ${route.path}`).toBe(route.scope);
    }
  });
});
