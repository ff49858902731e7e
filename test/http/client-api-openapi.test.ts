import { describe, expect, it } from "vitest";
import { clientActions } from "../../src/adapters/express/client/client-actions.js";
import { CLIENT_ROUTES } from "../../src/adapters/express/client/client-routes.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";
import { startClientServer } from "./client-api-requests.js";

describe("client API routes and documentation", () => {
  it("documents exactly the endpoints it serves", async () => {
    const hexlink = await createHexlink();
    const served = Object.keys(clientActions(hexlink)).map((path) => `/client/api${path}`);
    await hexlink.close();
    expect(CLIENT_ROUTES.map((route) => route.path).sort()).toEqual(served.sort());
  });

  it("lists every client endpoint in /openapi.json as a POST with the client key scheme", async () => {
    const server = await startClientServer();
    try {
      const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
        paths: Record<string, { post?: { security?: unknown; requestBody?: unknown } }>;
      };
      for (const route of CLIENT_ROUTES) {
        expect(document.paths[route.path]?.post?.security).toEqual([{ clientKey: [] }]);
        expect(document.paths[route.path]?.post?.requestBody).toBeDefined();
      }
    } finally {
      await server.close();
    }
  });
});
