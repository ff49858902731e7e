import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientApiRouter } from "../../../../src/adapters/express/client/client-api-router.js";
import type { ClientUseCases } from "../../../../src/adapters/express/client/client-use-cases.js";
import { v1Router } from "../../../../src/adapters/express/v1/v1-router.js";
import type { V1UseCases } from "../../../../src/adapters/express/v1/v1-use-cases.js";
import type { Hexlink } from "../../../../src/application/hexlink.js";
import { createHexlink } from "../../../../src/bootstrap/create-hexlink.js";

const KEY = "hxk_slice_suite_key_000000001";

/** A plain object holding only the named members of the facade: what a team with its own wiring hands over. */
function slice<K extends keyof Hexlink>(hexlink: Hexlink, keys: readonly K[]): Pick<Hexlink, K> {
  return Object.fromEntries(keys.map((key) => [key, hexlink[key]])) as Pick<Hexlink, K>;
}

const V1_KEYS = [
  "shortUrls",
  "authenticateApiKey",
  "consumeRateLimit",
  "createLink",
  "listLinks",
  "getLink",
  "updateLink",
  "deleteLink",
  "getLinkAnalytics",
  "listTags",
  "getAccountAnalytics",
  "registerDomain",
  "listDomains",
  "verifyDomain",
  "deleteDomain",
  "issueApiKey",
  "listApiKeys",
  "revokeApiKey",
  "createWebhook",
  "listWebhooks",
  "deleteWebhook",
  "listWebhookDeliveries",
  "testWebhook",
  "idempotentRequests",
  "bulkCreateLinks",
  "bulkUpdateLinks",
  "bulkDeleteLinks",
  "exportLinks",
] as const satisfies readonly (keyof V1UseCases)[];

const CLIENT_KEYS = [
  "shortUrls",
  "authenticateApiKey",
  "consumeRateLimit",
  "createLink",
  "getLink",
  "getLinkByShortUrl",
  "updateLink",
  "deleteLink",
  "getLinkAnalytics",
] as const satisfies readonly (keyof ClientUseCases)[];

let hexlink: Hexlink;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hexlink = await createHexlink({ baseUrl: url, apiKeys: [{ accountId: "acme", key: KEY }] });
  const logger = pino({ level: "silent" });
  const app = express();
  app.use("/v1", v1Router(slice(hexlink, V1_KEYS), logger));
  app.use("/client/api", clientApiRouter(slice(hexlink, CLIENT_KEYS), logger));
  server.on("request", app);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await hexlink.close();
});

const post = (path: string, body: unknown, authorization: string) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify(body),
  });

describe("each API router runs on its own slice of the facade, as a plain object", () => {
  it("v1: creates and reads a link", async () => {
    const created = await post("/v1/links", { url: "https://example.com/slice" }, `Bearer ${KEY}`);
    expect(created.status).toBe(201);
    const { link } = (await created.json()) as { link: { id: string; long_url: string } };
    expect(link.long_url).toBe("https://example.com/slice");
    const read = await fetch(`${url}/v1/links/${link.id}`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(read.status).toBe(200);
    const unknown = await fetch(`${url}/v1/nowhere`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      success: false,
      error: "No such endpoint in the v1 API.",
      code: "invalid_request",
    });
  });

  it("client API: shortens and reads a link", async () => {
    const shortened = await post("/client/api/url/shorten", { long_url: "https://example.com/c" }, KEY);
    expect(shortened.status).toBe(200);
    const { body } = (await shortened.json()) as { body: { short_url: string } };
    const read = await post("/client/api/url/get", { short_url: body.short_url }, KEY);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { body: { long_url: string } }).body.long_url).toBe(
      "https://example.com/c",
    );
  });
});
