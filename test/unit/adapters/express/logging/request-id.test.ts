import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestIds } from "../../../../../src/adapters/express/logging/request-id.js";
import {
  routeTemplates,
  UNMATCHED_ROUTE,
} from "../../../../../src/adapters/express/metrics/route-templates.js";

const SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:@+=/-".split("");

describe("requestIds", () => {
  it("keeps every id of 1 to 128 safe characters as it came", () => {
    const ids = requestIds();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAFE), { minLength: 1, maxLength: 128 }), (chars) => {
        const presented = chars.join("");
        expect(ids(presented)).toBe(presented);
      }),
    );
  });

  it("replaces an empty, too long or unsafe id, or several, with a new one each time", () => {
    const ids = requestIds();
    const made = new Set<string>();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(""),
          fc.string({ minLength: 129, maxLength: 300 }).map((text) => `a${"b".repeat(128)}${text}`),
          fc
            .tuple(fc.string(), fc.constantFrom(" ", "\t", '"', "<", "\u00e9", ",", ";"), fc.string())
            .map(([before, bad, after]) => `${before}${bad}${after}`),
        ),
        (presented) => {
          const id = ids(presented);
          expect(id).not.toBe(presented);
          expect(id).toMatch(/^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
          made.add(id);
        },
      ),
    );
    expect(ids(["a", "b"])).toMatch(/^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
    expect(ids(undefined)).toMatch(/^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
    expect(made.size).toBe(100);
  });
});

describe("routeTemplates", () => {
  const routeOf = routeTemplates([
    { path: "/{slug}" },
    { path: "/healthz" },
    { path: "/v1/links/{id}" },
    { path: "/{slug}/qr" },
    { path: "/openapi.json" },
  ]);

  it("names a path by its template, literal templates first, and never by the raw path", () => {
    expect(routeOf("/healthz")).toBe("/healthz");
    expect(routeOf("/Ab3dE9x")).toBe("/{slug}");
    expect(routeOf("/Ab3dE9x/qr")).toBe("/{slug}/qr");
    expect(routeOf("/v1/links/lnk_123")).toBe("/v1/links/{id}");
    expect(routeOf("/openapi.json")).toBe("/openapi.json");
    expect(routeOf("/openapixjson/qr")).toBe("/{slug}/qr");
  });

  it("labels any path no template matches as unmatched", () => {
    fc.assert(
      fc.property(fc.webPath(), (path) => {
        expect([
          "/healthz",
          "/{slug}",
          "/{slug}/qr",
          "/v1/links/{id}",
          "/openapi.json",
          UNMATCHED_ROUTE,
        ]).toContain(routeOf(path));
      }),
    );
    expect(routeOf("/a/b/c/d")).toBe(UNMATCHED_ROUTE);
  });
});
