import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express, { type Express, type Request } from "express";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createHexlinkRouter, type HexlinkHttpOptions } from "../../src/adapters/express/index.js";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import type { Hexlink } from "../../src/application/hexlink.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";
import { RecordingClickSink } from "../support/core.js";

const KEY = "hxk_host-app-test-key-0123456789";

interface Host {
  readonly url: string;
  readonly hexlink: Hexlink;
  readonly hits: RecordingClickSink["hits"];
  readonly logged: () => { route?: string; path?: string }[];
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

/** A host Express app with its own routes and users, hexlink's router mounted between them. */
async function hostApp(options: HexlinkHttpOptions = {}): Promise<Host> {
  const sink = new RecordingClickSink();
  const lines: string[] = [];
  const logger = pino(
    { level: "debug" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const app: Express = express();
  // The host's own sign-in: a header names the user.
  app.use((req, _res, next) => {
    const user = req.headers["x-user"];
    if (typeof user === "string") (req as Request & { user?: string }).user = user;
    next();
  });
  app.get("/hello", (_req, res) => void res.send("host hello"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hexlink = await createHexlink({
    baseUrl: url,
    stores: memoryStores(),
    clickSink: sink,
    apiKeys: [{ accountId: "keyed", key: KEY }],
  });
  app.use(createHexlinkRouter(hexlink, { logger, ...options }));
  app.get("/after", (_req, res) => void res.send("host after"));
  app.use((_req, res) => void res.status(404).send("host 404"));
  open.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await hexlink.close();
  });
  const logged = () =>
    lines.map((line) => JSON.parse(line) as { route?: string; path?: string }).filter((l) => l.path);
  return { url, hexlink, hits: sink.hits, logged };
}

const noRedirect = { redirect: "manual" } as const;

describe("createHexlinkRouter in a host app", () => {
  it("leaves unknown slugs and paths to the host's routes, and serves its short links", async () => {
    const host = await hostApp();
    await host.hexlink.createLink.execute({
      accountId: "keyed",
      url: "https://example.com/",
      customSlug: "gogo",
    });
    expect(await (await fetch(`${host.url}/hello`)).text()).toBe("host hello");
    expect(await (await fetch(`${host.url}/after`)).text()).toBe("host after");
    const unknown = await fetch(`${host.url}/no-such-slug`);
    expect([unknown.status, await unknown.text()]).toEqual([404, "host 404"]);
    expect((await fetch(`${host.url}/a/b/c`)).status).toBe(404);
    const known = await fetch(`${host.url}/gogo`, noRedirect);
    expect([known.status, known.headers.get("location")]).toEqual([302, "https://example.com/"]);
  });

  it("logs only its own requests and tags only its own answers with a request id", async () => {
    const host = await hostApp();
    await host.hexlink.createLink.execute({
      accountId: "keyed",
      url: "https://example.com/",
      customSlug: "gogo",
    });
    const hostAnswer = await fetch(`${host.url}/hello`);
    const passed = await fetch(`${host.url}/no-such-slug`);
    expect(hostAnswer.headers.get("x-request-id")).toBeNull();
    expect(passed.headers.get("x-request-id")).toBeNull();
    expect((await fetch(`${host.url}/gogo`, noRedirect)).headers.get("x-request-id")).not.toBeNull();
    await fetch(`${host.url}/healthz`);
    expect(host.logged().map((line) => line.path)).toEqual(["/gogo", "/healthz"]);
  });

  it("maps the host's own users to accounts through authenticate, API keys remaining the fallback", async () => {
    const host = await hostApp({
      authenticate: (req) => (req as Request & { user?: string }).user ?? null,
    });
    const created = await fetch(`${host.url}/v1/links`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-user": "alice" },
      body: JSON.stringify({ url: "https://alice.test/", custom_slug: "alice" }),
    });
    expect(created.status).toBe(201);
    const listed = await fetch(`${host.url}/v1/links`, { headers: { "x-user": "alice" } });
    expect(((await listed.json()) as { links: { slug: string }[] }).links.map((l) => l.slug)).toEqual([
      "alice",
    ]);
    const byKey = await fetch(`${host.url}/v1/links`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(((await byKey.json()) as { links: unknown[] }).links).toEqual([]);
    expect((await fetch(`${host.url}/v1/links`)).status).toBe(401);
    const client = await fetch(`${host.url}/client/api/url/shorten`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-user": "alice" },
      body: JSON.stringify({ long_url: "https://alice.test/2" }),
    });
    expect(((await client.json()) as { success: boolean }).success).toBe(true);
    expect((await host.hexlink.listLinks.execute({ accountId: "alice" })).links).toHaveLength(2);
  });

  it("mounts only the parts asked for, leaving the others' paths to the host", async () => {
    const host = await hostApp({ mount: { v1: false, docs: false, health: false, pages: false } });
    for (const path of ["/v1/links", "/docs", "/openapi.json", "/healthz", "/static/hexlink.css"]) {
      const answer = await fetch(`${host.url}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
      expect([path, answer.status, await answer.text()]).toEqual([path, 404, "host 404"]);
    }
    const client = await fetch(`${host.url}/client/api/url/shorten`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: KEY },
      body: JSON.stringify({ long_url: "https://example.com/" }),
    });
    expect(((await client.json()) as { success: boolean }).success).toBe(true);
    const all = await hostApp();
    for (const path of ["/docs", "/openapi.json", "/healthz", "/static/hexlink.css"]) {
      expect([path, (await fetch(`${all.url}${path}`)).status]).toEqual([path, 200]);
    }
  });

  it("honours trustProxy itself: a visitor behind the proxy is counted by its forwarded address", async () => {
    const behind = await hostApp({ trustProxy: "loopback" });
    const direct = await hostApp();
    for (const host of [behind, direct]) {
      await host.hexlink.createLink.execute({
        accountId: "keyed",
        url: "https://example.com/",
        customSlug: "gogo",
      });
      await fetch(`${host.url}/gogo`, { ...noRedirect, headers: { "x-forwarded-for": "198.51.100.7" } });
    }
    expect(behind.hits.map((hit) => hit.ip)).toEqual(["198.51.100.7"]);
    expect(direct.hits.map((hit) => hit.ip)).toEqual(["127.0.0.1"]);
  });
});
