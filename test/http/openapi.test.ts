import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHexlinkApp } from "../../src/adapters/express/create-app.js";
import { type RunningServer, startServer } from "../support/http-server.js";

/** The parts of an Express 5 router layer the walk reads. */
interface Layer {
  readonly name: string;
  readonly rawPath?: unknown;
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
  readonly handle: { readonly stack?: readonly Layer[] };
}

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, { security?: unknown[] }>>>>;
}

const joinPath = (prefix: string, path: string) => (path === "/" ? prefix || "/" : `${prefix}${path}`);
const toOpenApi = (path: string) => path.replace(/:(\w+)/g, "{$1}");

/**
 * Every `METHOD /path` the Express app routes, from its router stack and nested routers' stacks;
 * a static-file middleware serves `GET <mount>/{file}`. HEAD is folded into GET, which Express answers it with.
 */
function routesOf(stack: readonly Layer[], prefix = ""): string[] {
  const routes: string[] = [];
  for (const layer of stack) {
    const mount = typeof layer.rawPath === "string" ? joinPath(prefix, layer.rawPath) : prefix;
    if (layer.route !== undefined) {
      const path = toOpenApi(joinPath(prefix, layer.route.path));
      for (const method of Object.keys(layer.route.methods)) {
        if (method !== "head") routes.push(`${method.toUpperCase()} ${path}`);
      }
    } else if (layer.handle.stack !== undefined) {
      routes.push(...routesOf(layer.handle.stack, mount === "/" ? "" : mount));
    } else if (layer.name === "serveStatic") {
      routes.push(`GET ${mount}/{file}`);
    }
  }
  return routes;
}

let server: RunningServer;
let document: OpenApiDocument;

beforeAll(async () => {
  server = await startServer();
  const response = await fetch(`${server.url}/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  document = (await response.json()) as OpenApiDocument;
});

afterAll(async () => {
  await server.close();
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: "hexlink", version: expect.any(String) });
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
  });

  it("lists every route the server serves, and no route it does not serve", () => {
    const app = createHexlinkApp(server.hexlink) as unknown as { router: { stack: readonly Layer[] } };
    // The fast path answers GET|HEAD /:slug in front of Express.
    const served = new Set([...routesOf(app.router.stack), "GET /{slug}"]);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => method !== "head")
          .map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(served.size).toBeGreaterThan(10);
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
  });

  it("marks every v1 operation as needing the bearer key", () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith("/v1/")) continue;
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
      }
    }
  });
});

describe("GET /docs", () => {
  it("is HTML that references only same-origin assets, and each of them loads", async () => {
    const response = await fetch(`${server.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await response.text();
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map(
      (match) => match[1] ?? "",
    );
    expect(references.length).toBeGreaterThanOrEqual(2);
    for (const reference of references) {
      expect(reference, reference).toMatch(/^\/(?!\/)/);
      const asset = await fetch(`${server.url}${reference}`);
      expect(asset.status, reference).toBe(200);
      expect((await asset.text()).length, reference).toBeGreaterThan(0);
    }
  });

  it("starts Swagger UI on this server's own /openapi.json", async () => {
    const script = await (await fetch(`${server.url}/docs/init.js`)).text();
    const urls = [...script.matchAll(/url:\s*"([^"]+)"/g)].map((match) => match[1]);
    expect(urls).toEqual(["/openapi.json"]);
  });
});
