import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import type { ApiKeyRepository } from "../../src/application/ports/api-key-repository.js";
import { DomainError } from "../../src/domain/errors/domain-error.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_client_store_trouble_01";

/** Log lines the server wrote, parsed. */
const lines: { level: number; msg: string }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

describe("client API: store trouble while authenticating (spec §5)", () => {
  let server: RunningServer;
  let down = false;

  beforeAll(async () => {
    const stores = memoryStores();
    const keys: ApiKeyRepository = {
      ...stores.apiKeys,
      findByHash: async (hash) => {
        if (down) throw new DomainError("unavailable", "The API key store did not answer in time.");
        return stores.apiKeys.findByHash(hash);
      },
      findById: (id) => stores.apiKeys.findById(id),
      create: (key) => stores.apiKeys.create(key),
      revoke: (id, at) => stores.apiKeys.revoke(id, at),
      listByAccount: (account) => stores.apiKeys.listByAccount(account),
      rename: (id, name) => stores.apiKeys.rename(id, name),
    };
    server = await startServer({
      stores: { ...stores, apiKeys: keys },
      apiKeys: [{ accountId: "acme", key: KEY }],
      http: { logger: pino({ level: "warn" }, sink) },
    });
    down = true;
  });

  afterAll(async () => {
    await server.close();
  });

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}/client/api${path}`, {
      method: "POST",
      headers: { authorization: KEY, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error_code: string } };
  };

  it.each([
    ["/url/shorten", { long_url: "https://example.com/" }, "LI08"],
    ["/url/shorten", { long_url: "https://example.com/", custom_name: "mine" }, "LI09"],
    ["/url/get", { short_url: "https://sho.rt/abc" }, "LI00"],
    ["/url/shorten", { long_url: 42 }, "LI00"],
  ])("%s %j answers %s, as the contract maps unavailable for that operation", async (path, body, code) => {
    const answer = await post(path, body);
    expect(answer.body.error_code).toBe(code);
    expect(answer.status).toBeLessThan(500);
  });

  it("logs the store's trouble at warn level", () => {
    expect(lines.some((line) => line.level === 40 && /store did not answer/.test(line.msg))).toBe(true);
  });
});
