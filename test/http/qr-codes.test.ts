import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QrRenderer } from "../../src/adapters/express/index.js";
import { QrRendererBusyError } from "../../src/adapters/express/views/qr-renderer.js";
import { memorySharedState, memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/index.js";
import { ApiClient, httpRequest, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { type RedisServer, redisSuiteAvailable, startRedisServer } from "../support/redis-server.js";

const KEY = "hxk_qr_codes_suite_key_0001";

/** A renderer that writes what it was asked to draw, and remembers every drawing. */
function countingRenderer(): QrRenderer & { drawn: string[] } {
  const drawn: string[] = [];
  return {
    drawn,
    render: async (text, format, size) => {
      drawn.push(`${text} ${format} ${size}`);
      return Buffer.from(`${text} ${format} ${size}`);
    },
  };
}

describe("QR codes are cheap to serve and limited per client address (issue 13)", () => {
  const renderer = countingRenderer();
  // Two instances of one deployment: one store, one shared rate limiter.
  const stores = memoryStores();
  const shared = memorySharedState();
  let one: RunningServer;
  let two: RunningServer;
  let api: ApiClient;

  beforeAll(async () => {
    const options = {
      stores,
      shared,
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS, qrCodesPerMinute: 4 },
      http: { trustProxy: "loopback", qrRenderer: renderer },
    };
    one = await startServer(options);
    two = await startServer({ ...options, baseUrl: () => one.url });
    api = new ApiClient(one.url, KEY);
  });
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

  it("draws a code once: a repeat, and any size of the same step, come from the cache", async () => {
    await api.createLink({ url: "https://example.com/menu", custom_slug: "menu" });
    const first = await httpRequest(`${one.url}/menu/qr?format=png&size=300`, from("203.0.113.1"));
    const again = await httpRequest(`${one.url}/menu/qr?format=png&size=512`, from("203.0.113.1"));
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("image/png");
    expect(again.body).toBe(first.body);
    expect(first.body).toBe(`${one.url}/menu png 512`);
    expect(renderer.drawn.filter((drawing) => drawing.includes("/menu "))).toEqual([
      `${one.url}/menu png 512`,
    ]);
  });

  it("draws the code again once the link's slug changes, never the old one", async () => {
    const link = await api.createLink({ url: "https://example.com/old", custom_slug: "before" });
    expect((await httpRequest(`${one.url}/before/qr`, from("203.0.113.2"))).body).toBe(
      `${one.url}/before svg 256`,
    );
    expect((await api.patch(`/v1/links/${link.id}`, { custom_slug: "after" })).status).toBe(200);
    const moved = await httpRequest(`${one.url}/after/qr`, from("203.0.113.2"));
    expect(moved.status).toBe(200);
    expect(moved.body).toBe(`${one.url}/after svg 256`);
    expect((await httpRequest(`${one.url}/before/qr`, from("203.0.113.2"))).status).toBe(404);
  });

  it("answers 429 with Retry-After past the per-minute limit of one address, on every instance", async () => {
    await api.createLink({ url: "https://example.com/flood", custom_slug: "flood" });
    const statuses: number[] = [];
    for (const server of [one, two, one, two]) {
      statuses.push((await httpRequest(`${server.url}/flood/qr`, from("198.51.100.7"))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await httpRequest(`${two.url}/flood/qr?format=png`, from("198.51.100.7"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(refused.headers["content-type"]).toMatch(/^text\/html/);
    expect((await httpRequest(`${one.url}/flood/qr`, from("198.51.100.7"))).status).toBe(429);
    // Another address is not affected.
    expect((await httpRequest(`${one.url}/flood/qr`, from("198.51.100.8"))).status).toBe(200);
  });
});

const ON_REDIS = "the QR limit across instances on one Redis";

describe.skipIf(!redisSuiteAvailable(ON_REDIS))(ON_REDIS, () => {
  let redis: RedisServer;
  const instances: RunningServer[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    for (let i = 0; i < 2; i++) {
      instances.push(
        await startServer({
          stores: redisStores({ url: redis.url, prefix: "qr:" }),
          shared: redisSharedState({ url: redis.url, prefix: "qr:" }),
          apiKeys: [{ accountId: "acme", key: KEY }],
          settings: { rateLimits: RELAXED_LIMITS, qrCodesPerMinute: 3 },
          http: { qrRenderer: countingRenderer() },
          baseUrl: () => "http://sho.rt",
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await redis?.stop();
  });

  it("counts one address's QR requests on every instance together", async () => {
    const [a, b] = instances;
    if (a === undefined || b === undefined) throw new Error("two instances expected");
    expect(
      (await new ApiClient(a.url, KEY).createLink({ url: "https://example.com/r", custom_slug: "shared" }))
        .id,
    ).toBeTruthy();
    const asked = { headers: { host: "sho.rt" } };
    const statuses: number[] = [];
    for (const instance of [a, b, a, b]) {
      statuses.push((await httpRequest(`${instance.url}/shared/qr`, asked)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe("a QR code while the drawing queue is full", () => {
  let server: RunningServer;
  beforeAll(async () => {
    // A renderer whose queue is always full: what the worker answers past its bound.
    const full: QrRenderer = {
      render: async () => {
        throw new QrRendererBusyError();
      },
    };
    server = await startServer({
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS },
      http: { qrRenderer: full },
    });
  });
  afterAll(() => server?.close());

  it("answers 503 with Retry-After: 1 and an HTML page, and the redirect still answers", async () => {
    await new ApiClient(server.url, KEY).createLink({
      url: "https://example.com/busy",
      custom_slug: "busy-qr",
    });
    const answer = await httpRequest(`${server.url}/busy-qr/qr?format=png&size=512`);
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("1");
    expect(answer.headers["content-type"]).toContain("text/html");
    expect(answer.body).toContain("Too many QR codes are being drawn");
    const redirect = await httpRequest(`${server.url}/busy-qr`);
    expect(redirect.status).toBe(302);
  });
});
