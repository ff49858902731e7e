import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { INDEX_SPECS } from "../../../../src/adapters/mongodb/index-specs.js";
import {
  clientOptions,
  databaseOf,
  mongoStores,
  SERVER_SELECTION_TIMEOUT_MS,
} from "../../../../src/adapters/mongodb/mongo-stores.js";
import { aDomainError } from "../../../support/builders.js";
import { fakeServerPerTest } from "./fake-mongo-server.js";

async function eventually(check: () => Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("connection settings", () => {
  it.each([
    ["mongodb://localhost:27017", "hexlink"],
    ["mongodb://localhost:27017/", "hexlink"],
    ["mongodb://user:p%40ss@a:1,b:2/links?replicaSet=rs0", "links"],
    ["mongodb+srv://cluster0.example.net/prod?retryWrites=true", "prod"],
    ["mongodb://localhost/?authSource=admin", "hexlink"],
  ])("reads the database of %s as %s", (url, name) => {
    expect(databaseOf(url)).toBe(name);
  });

  it("fails fast by default and lets the URL choose otherwise", () => {
    expect(clientOptions("mongodb://h/db").serverSelectionTimeoutMS).toBe(SERVER_SELECTION_TIMEOUT_MS);
    expect(
      clientOptions("mongodb://h/db?serverSelectionTimeoutMS=9000").serverSelectionTimeoutMS,
    ).toBeUndefined();
  });
});

describe("mongoStores", () => {
  const { server, open } = fakeServerPerTest();

  it("refuses to start, fast and as unavailable, when no server answers", async () => {
    const started = Date.now();
    await expect(mongoStores({ url: "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200" })).rejects.toEqual(
      aDomainError("unavailable"),
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("creates every collection's indexes at start-up, in the database asked for", async () => {
    const stores = await open(`${server.url}shop`);
    const created = server.commands.filter((command) => "createIndexes" in command);
    expect(created.map((command) => [command.createIndexes, command.$db]).sort()).toEqual(
      [
        ["api_keys", "shop"],
        ["click_days", "shop"],
        ["domains", "shop"],
        ["idempotency_keys", "shop"],
        ["dashboard_sessions", "shop"],
        ["links", "shop"],
        ["tag_counts", "shop"],
        ["webhook_deliveries", "shop"],
        ["webhook_endpoints", "shop"],
        ["webhook_outbox", "shop"],
      ].sort(),
    );
    const links = created.find((command) => command.createIndexes === "links");
    expect(links?.indexes).toEqual(INDEX_SPECS.links);
    expect(stores.kind).toBe("mongodb");
  });

  it("answers ping while the server is up", async () => {
    const stores = await open(server.url);
    await expect(stores.ping()).resolves.toBeUndefined();
    expect(server.commands.at(-1)).toMatchObject({ ping: 1, $db: "hexlink" });
  });

  it("reports a lost server as unavailable within the selection timeout, then recovers without a restart", async () => {
    const bundle = await open(server.url);
    await bundle.ping();
    await server.stop();
    const started = Date.now();
    await expect(bundle.ping()).rejects.toEqual(aDomainError("unavailable"));
    expect(Date.now() - started).toBeLessThan(SERVER_SELECTION_TIMEOUT_MS + 1000);
    await server.start();
    await eventually(() => bundle.ping(), 10_000);
  });

  it("reports a server that stopped answering as unavailable within the ping timeout", async () => {
    const bundle = await open(server.url);
    await bundle.ping();
    server.silence();
    const started = Date.now();
    await expect(bundle.ping()).rejects.toEqual(aDomainError("unavailable"));
    expect(Date.now() - started).toBeLessThan(SERVER_SELECTION_TIMEOUT_MS + 1000);
  });

  it("fails an operation on a server that stopped answering once a heartbeat times out", async () => {
    const bundle = await open(`${server.url}?connectTimeoutMS=500&heartbeatFrequencyMS=500`);
    await bundle.ping();
    server.silence();
    await expect(bundle.links.findById("lnk_x")).rejects.toEqual(aDomainError("unavailable"));
  });

  it("drops the clicks of a link whose document is gone: the flush looks for it and writes nothing", async () => {
    const stores = await open(server.url);
    const before = server.commands.length;
    const increment = {
      linkId: "lnk_gone",
      day: "2026-03-15",
      clicks: 2,
      botClicks: 0,
      dimensions: new Map(),
      visitors: new Set(["v1"]),
    };
    await stores.clicks.add([increment], "node.1");
    const sent = server.commands.slice(before);
    expect(sent).toEqual([
      expect.objectContaining({ find: "links", filter: { _id: { $in: ["lnk_gone"] } } }),
    ]);
  });

  it("leaves a client it was given open when closed", async () => {
    const client = new MongoClient(server.url, { serverSelectionTimeoutMS: 500 });
    try {
      const bundle = await mongoStores({ client, dbName: "mine" });
      await bundle.close();
      await expect(client.db("mine").command({ ping: 1 })).resolves.toEqual({ ok: 1 });
    } finally {
      await client.close();
    }
  });
});
