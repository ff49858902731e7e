import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisSharedState, redisStores } from "../../src/adapters/redis/index.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";
import {
  ApiClient,
  type ApiResponse,
  expectV1Error,
  httpRequest,
  RELAXED_LIMITS,
  type V1Link,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import {
  type RestartableRedisServer,
  redisSuiteAvailable,
  startRestartableRedisServer,
} from "../support/redis-server.js";

const TITLE = "hexlink while Redis is down";
const available = redisSuiteAvailable(TITLE);

const HOST = "sho.rt";
const KEY = "hxk_redis_faults_key_0123456789ab";
const UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
/** What "fails fast instead of hanging" means here: a bound on waiting, not a speed benchmark. */
const FAIL_FAST_MS = 5000;
/** The cache entry lifetime of the instance under test: long enough to outlast the outage. */
const CACHE_TTL_MS = 60_000;
/**
 * The instance under test's client timings, shorter than production's (2 s command timeout, reconnect tries
 * up to 1 s apart) so that the outage is not waited out at full length; the behaviour is the same. Connecting
 * keeps production's 2 s, which a busy machine may need.
 */
const FAST_CLIENT = { commandTimeoutMs: 500, connectTimeoutMs: 2000, reconnectMaxMs: 50 } as const;

interface Instance {
  readonly server: RunningServer;
  readonly api: ApiClient;
  /** A link the instance has followed once (that click is flushed) and holds in its cache. */
  readonly hot: V1Link;
}

/**
 * Makes /hot and /cold through a short-lived hexlink (as if made long ago), starts the instance under test
 * on the same Redis, so that its cache keeps what it reads at once, and follows /hot on it.
 */
async function startInstance(redis: RestartableRedisServer): Promise<Instance> {
  const prefix = `faults-${randomBytes(4).toString("hex")}:`;
  const seeder = await createHexlink({
    stores: redisStores({ url: redis.url, prefix }),
    baseUrl: `http://${HOST}`,
    apiKeys: [{ accountId: "acme", key: KEY }],
  });
  const make = (slug: string) =>
    seeder.createLink.execute({ accountId: "acme", url: `https://example.com/${slug}`, customSlug: slug });
  const { id } = await make("hot");
  await make("cold");
  await seeder.close();
  const server = await startServer({
    stores: redisStores({ url: redis.url, prefix, ...FAST_CLIENT }),
    shared: redisSharedState({ url: redis.url, prefix, ...FAST_CLIENT, cache: { ttlMs: CACHE_TTL_MS } }),
    settings: { rateLimits: RELAXED_LIMITS },
    clickRecording: {
      visitorSecret: "faults-visitor-secret-0123",
      recorder: { flushIntervalMs: 100, retryBaseMs: 100, retryMaxMs: 500, logger: () => {} },
    },
    baseUrl: () => `http://${HOST}`,
  });
  // Its clients connect in the background: start once both answer.
  await until(async () => (await readyz(server)).status === 200, 20_000, "the instance ready");
  const api = new ApiClient(server.url, KEY);
  const found = await api.get<{ link: V1Link }>(`/v1/links/${id}`);
  expect(found.status).toBe(200);
  expect((await follow(server, "hot")).status).toBe(302);
  expect(server.hexlink.shared.cache.getLink(HOST, "hot"), "/hot is cached").toBeDefined();
  await server.hexlink.flushClicks();
  expect(await totalClicks(api, id)).toBe(1);
  return { server, api, hot: found.body.link };
}

function follow(server: RunningServer, slug: string) {
  return httpRequest(`${server.url}/${slug}`, { headers: { host: HOST, "user-agent": UA } });
}

interface Readyz {
  readonly status: string;
  readonly checks: Record<string, { readonly ok: boolean; readonly detail?: string }>;
}

async function readyz(server: RunningServer): Promise<ApiResponse<Readyz>> {
  return new ApiClient(server.url, undefined).get<Readyz>("/readyz");
}

/** Ready, and the recorder has delivered every click (click trouble alone does not fail /readyz). */
async function readyAndFlushed(server: RunningServer): Promise<boolean> {
  const result = await readyz(server);
  return result.status === 200 && result.body.checks.clicks?.detail === "pending=0 dropped=0";
}

/** Polls until `check` holds, failing after `ms`; answers how long it took. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

/** Runs `work`, answering its result and how long it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

async function totalClicks(api: ApiClient, linkId: string): Promise<number> {
  const response = await api.get<{ analytics: { total_clicks: number } }>(`/v1/links/${linkId}/analytics`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.analytics.total_clicks;
}

/** Times and counts seen by the tests, printed once at the end: the figures in docs/scaling.md. */
const figures: Record<string, number[]> = {};
function measure(name: string, ...values: number[]): void {
  figures[name] = [...(figures[name] ?? []), ...values];
}

afterAll(() => {
  if (Object.keys(figures).length > 0) console.info(`${TITLE}, measured: ${JSON.stringify(figures)}`);
});

describe.skipIf(!available)(`${TITLE}: redis-server stopped, then restarted on its port`, () => {
  let redis: RestartableRedisServer;
  let server: RunningServer;
  let api: ApiClient;
  let hot: V1Link;
  const OUTAGE_CLICKS = 6;

  beforeAll(async () => {
    redis = await startRestartableRedisServer();
    ({ server, api, hot } = await startInstance(redis));
    await redis.kill();
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it("redirects of a cached link keep working; an uncached one answers 503 at once", async () => {
    for (let i = 0; i < OUTAGE_CLICKS; i++) {
      const { result, ms } = await timed(() => follow(server, "hot"));
      measure("stopped: cached redirect → 302", ms);
      expect({ status: result.status, location: result.headers.location }).toEqual({
        status: 302,
        location: "https://example.com/hot",
      });
    }
    const { result, ms } = await timed(() => follow(server, "cold"));
    measure("stopped: uncached redirect → 503", ms);
    expect(result.status).toBe(503);
    expect(ms).toBeLessThan(FAIL_FAST_MS);
  });

  it("API calls answer 503 unavailable at once instead of hanging", async () => {
    const calls: [string, () => Promise<ApiResponse<unknown>>][] = [
      [
        "POST /v1/links",
        () => api.post("/v1/links", { url: "https://example.com/x", custom_slug: "outage" }),
      ],
      ["GET /v1/links", () => api.get("/v1/links")],
      ["GET /v1/links/:id", () => api.get(`/v1/links/${hot.id}`)],
      ["PATCH /v1/links/:id", () => api.patch(`/v1/links/${hot.id}`, { url: "https://example.com/y" })],
    ];
    for (const [name, call] of calls) {
      const { result, ms } = await timed(call);
      measure(`stopped: ${name} → 503`, ms);
      expectV1Error(result, "unavailable");
      expect(ms, name).toBeLessThan(FAIL_FAST_MS);
    }
  });

  it("/readyz answers 503 naming Redis, with the outage's clicks pending", async () => {
    const { result, ms } = await timed(() => readyz(server));
    measure("stopped: /readyz → 503", ms);
    expect(result.status).toBe(503);
    expect(result.body.status).toBe("unavailable");
    expect(result.body.checks["store:redis"]).toMatchObject({ ok: false });
    expect(result.body.checks["shared:redis"]).toMatchObject({ ok: false });
    // The outage's clicks sit in one bucket, or two when a flush took some into the batch it now retries.
    expect(result.body.checks.clicks?.detail).toMatch(/^pending=[12] dropped=0/);
    expect(ms).toBeLessThan(2 * FAIL_FAST_MS);
  });

  it("after the restart, the recorder's own retry counts the outage's clicks exactly once", async () => {
    await redis.restart();
    const back = await until(() => readyAndFlushed(server), 20_000, "/readyz 200, clicks flushed");
    measure("restarted: until /readyz → 200", back);
    expect((await readyz(server)).body.checks.clicks).toEqual({ ok: true, detail: "pending=0 dropped=0" });
    expect(await totalClicks(api, hot.id)).toBe(1 + OUTAGE_CLICKS);
  });

  it("nothing is half-written: the create that failed left no link and its slug is free", async () => {
    const list = await api.get<{ links: V1Link[] }>("/v1/links");
    expect(list.body.links.map((link) => link.slug).sort()).toEqual(["cold", "hot"]);
    expect((await api.get<{ link: V1Link }>(`/v1/links/${hot.id}`)).body.link).toEqual(hot);
    expect((await follow(server, "outage")).status).toBe(404);
    const made = await api.createLink({ url: "https://example.com/after", custom_slug: "outage" });
    expect((await follow(server, "outage")).headers.location).toBe(made.long_url);
  });
});

describe.skipIf(!available)(`${TITLE}: redis-server frozen (SIGSTOP), then resumed`, () => {
  let redis: RestartableRedisServer;
  let server: RunningServer;
  let api: ApiClient;
  let hot: V1Link;
  let clicksAfterThaw = 0;
  const FROZEN_CLICKS = 3;

  beforeAll(async () => {
    redis = await startRestartableRedisServer();
    ({ server, api, hot } = await startInstance(redis));
    redis.freeze();
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it("API calls answer 503 unavailable within the command timeout", async () => {
    const { result, ms } = await timed(() => api.get("/v1/links"));
    measure("frozen: GET /v1/links → 503", ms);
    expectV1Error(result, "unavailable");
    expect(ms).toBeLessThan(FAIL_FAST_MS);
  });

  it("redirects of a cached link keep working", async () => {
    for (let i = 0; i < FROZEN_CLICKS; i++) {
      const { result, ms } = await timed(() => follow(server, "hot"));
      measure("frozen: cached redirect → 302", ms);
      expect(result.status).toBe(302);
    }
    const { result, ms } = await timed(() => follow(server, "cold"));
    measure("frozen: uncached redirect → 503", ms);
    expect(result.status).toBe(503);
  });

  it("/readyz answers 503, the clicks pending after their flush timed out", async () => {
    const { result, ms } = await timed(() => readyz(server));
    measure("frozen: /readyz → 503", ms);
    expect(result.status).toBe(503);
    // Readiness is about the stores answering: the clicks' trouble is in the detail only.
    expect(result.body.checks.clicks).toEqual({
      ok: true,
      // One bucket, or two when clicks arrived after the timed-out flush took the first ones.
      detail: expect.stringMatching(/^pending=[12] .*error=/),
    });
  });

  it("once resumed, no click is lost", async () => {
    redis.thaw();
    const back = await until(() => readyAndFlushed(server), 20_000, "/readyz 200, clicks flushed");
    measure("resumed: until /readyz → 200", back);
    clicksAfterThaw = await totalClicks(api, hot.id);
    measure("resumed: clicks counted for 1 + 3 made", clicksAfterThaw);
    expect(clicksAfterThaw).toBeGreaterThanOrEqual(1 + FROZEN_CLICKS);
  });

  // A flush that timed out was still sent, and Redis runs it when it resumes, as it runs every retry sent
  // meanwhile: each carries the same batch id, so only the first counts.
  it("once resumed, the clicks are counted exactly once", () => {
    expect(clicksAfterThaw).toBe(1 + FROZEN_CLICKS);
  });
});

describe.skipIf(!available)(`${TITLE}: creates cut off by the stop`, () => {
  let redis: RestartableRedisServer;
  let server: RunningServer;
  let api: ApiClient;
  const created = new Set<string>();
  const failed = new Set<string>();

  beforeAll(async () => {
    redis = await startRestartableRedisServer();
    ({ server, api } = await startInstance(redis));
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it("every create either happened whole or not at all", async () => {
    // Four clients create links one after the other until the stop cuts them off mid-create.
    const writer = async (n: number) => {
      for (let i = 0; ; i++) {
        const slug = `w${n}-${i}`;
        const response = await api.post("/v1/links", {
          url: `https://example.com/${slug}`,
          custom_slug: slug,
        });
        if (response.status !== 201) {
          expectV1Error(response, "unavailable");
          failed.add(slug);
          return;
        }
        created.add(slug);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Stop Redis once the writers are well under way, whatever the machine's speed.
    await until(async () => created.size >= 8, 20_000, "eight links created");
    await redis.kill();
    await Promise.all(writers);
    await redis.restart();
    await until(async () => (await readyz(server)).status === 200, 20_000, "/readyz 200");

    const listed = new Set<string>();
    for (let cursor: string | null = ""; cursor !== null; ) {
      const page: ApiResponse<{ links: V1Link[]; next_cursor: string | null }> = await api.get(
        `/v1/links?limit=100${cursor === "" ? "" : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      for (const link of page.body.links) listed.add(link.slug);
      cursor = page.body.next_cursor;
    }
    for (const slug of created) expect(listed.has(slug), `/${slug} was created`).toBe(true);
    let ambiguous = 0;
    for (const slug of failed) {
      const response = await follow(server, slug);
      if (listed.has(slug)) {
        // Committed in Redis, but the answer was lost with the connection: whole, like any other link.
        ambiguous++;
        expect(response.headers.location, `/${slug}`).toBe(`https://example.com/${slug}`);
      } else {
        expect(response.status, `/${slug} answers 404`).toBe(404);
        await api.createLink({ url: `https://example.com/${slug}`, custom_slug: slug });
      }
    }
    measure("cut off: creates 201, 503, 503 yet committed", created.size, failed.size, ambiguous);
    expect(failed.size).toBeGreaterThan(0);
  });
});
