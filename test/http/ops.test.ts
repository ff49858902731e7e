import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("operations endpoints", () => {
  let healthy: RunningServer;
  let storeDown: RunningServer;

  beforeAll(async () => {
    healthy = await startServer();
    storeDown = await startServer({
      stores: {
        ...memoryStores(),
        ping: async () => {
          throw new Error("down");
        },
      },
    });
  });

  afterAll(async () => {
    await Promise.all([healthy.close(), storeDown.close()]);
  });

  it("GET /healthz answers 200 while the process runs, even with a store down", async () => {
    for (const server of [healthy, storeDown]) {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", version: PACKAGE.version });
    }
  });

  it("GET /readyz answers 200 with the memory store", async () => {
    const response = await fetch(`${healthy.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { "store:memory": { ok: true }, clicks: { ok: true, detail: "pending=0 dropped=0" } },
    });
  });

  it("GET /readyz answers 503 naming the store whose ping rejects", async () => {
    const response = await fetch(`${storeDown.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      checks: {
        "store:memory": { ok: false, detail: "down" },
        clicks: { ok: true, detail: "pending=0 dropped=0" },
      },
    });
  });

  it("HEAD /healthz and HEAD /readyz answer the same statuses without a body", async () => {
    const expected: [RunningServer, string, number][] = [
      [healthy, "/healthz", 200],
      [healthy, "/readyz", 200],
      [storeDown, "/readyz", 503],
    ];
    for (const [server, path, status] of expected) {
      const response = await fetch(`${server.url}${path}`, { method: "HEAD" });
      expect(response.status, path).toBe(status);
      expect(await response.text()).toBe("");
    }
  });
});
