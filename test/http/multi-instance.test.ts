import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { RedisLinkCache, redisSharedState, redisStores } from "../../src/adapters/redis/index.js";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import type { Clock } from "../../src/application/ports/technical.js";
import type { RateLimits } from "../../src/domain/api-key/api-key.js";
import { FixedClock } from "../support/fixed-clock.js";
import {
  ApiClient,
  expectV1Error,
  httpRequest,
  RELAXED_LIMITS,
  type V1Link,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { type RedisServer, redisSuiteAvailable, startRedisServer } from "../support/redis-server.js";

const TITLE = "several hexlink instances on one Redis";
const available = redisSuiteAvailable(TITLE);

/** The default domain of every instance, as behind one load balancer. */
const HOST = "sho.rt";
const KEY = "hxk_multi_instance_key_0123456789";
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
/**
 * How long an invalidated key stays out of the caches: production's 5 s shortened, so that a test can wait
 * for the guard to pass before B caches what it reads.
 */
const GUARD_MS = 100;

/** Starts one instance: its own port, the shared Redis (or the given stores), one default domain. */
function startInstance(
  url: string,
  prefix: string,
  options: { stores?: StoreBundle; rateLimits?: RateLimits; clock?: Clock } = {},
): Promise<RunningServer> {
  return startServer({
    stores: options.stores ?? redisStores({ url, prefix }),
    shared: redisSharedState({ url, prefix, cache: { invalidationGuardMs: GUARD_MS } }),
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: { rateLimits: options.rateLimits ?? RELAXED_LIMITS },
    clickRecording: { visitorSecret: "same-secret-for-both-0123" },
    baseUrl: () => `http://${HOST}`,
    ...(options.clock === undefined ? {} : { ports: { clock: options.clock } }),
  });
}

/** Resolves once the instance receives invalidations, so that what it caches is kept. */
async function live(server: RunningServer): Promise<void> {
  const cache = server.hexlink.shared.cache;
  if (!(cache instanceof RedisLinkCache)) throw new Error("Expected the Redis link cache.");
  await cache.whenLive();
}

/** Follows a short link on one instance, as the load balancer would forward it. */
function follow(server: RunningServer, slug: string, userAgent = CHROME) {
  return httpRequest(`${server.url}/${slug}`, { headers: { host: HOST, "user-agent": userAgent } });
}

async function expectRedirect(server: RunningServer, slug: string, location: string): Promise<void> {
  const response = await follow(server, slug);
  expect({ status: response.status, location: response.headers.location }).toEqual({ status: 302, location });
}

function isCached(server: RunningServer, slug: string): boolean {
  return server.hexlink.shared.cache.getLink(HOST, slug) !== undefined;
}

describe.skipIf(!available)(TITLE, () => {
  let redis: RedisServer;
  let a: RunningServer;
  let b: RunningServer;
  let apiA: ApiClient;
  let apiB: ApiClient;

  beforeAll(async () => {
    redis = await startRedisServer();
    const prefix = `multi-${randomBytes(4).toString("hex")}:`;
    // Started together, as a deployment starts its replicas: both seed the same key at once.
    [a, b] = await Promise.all([startInstance(redis.url, prefix), startInstance(redis.url, prefix)]);
    await Promise.all([live(a), live(b)]);
    apiA = new ApiClient(a.url, KEY);
    apiB = new ApiClient(b.url, KEY);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it("a link made on A redirects on B, and B's API returns it with the same short URL", async () => {
    const link = await apiA.createLink({ url: "https://example.com/made-on-a", custom_slug: "made-on-a" });
    expect(link.short_url).toBe(`http://${HOST}/made-on-a`);
    await expectRedirect(b, "made-on-a", "https://example.com/made-on-a");
    const onB = await apiB.get<{ link: V1Link }>(`/v1/links/${link.id}`);
    expect(onB.status).toBe(200);
    expect(onB.body.link).toEqual(link);
  });

  describe("a change on A is seen by B's very next redirect, though B had cached the link", () => {
    const links = new Map<string, V1Link>();

    beforeAll(async () => {
      for (const slug of ["retarget", "disable", "enable", "rename", "remove"]) {
        links.set(slug, await apiA.createLink({ url: `https://example.com/${slug}`, custom_slug: slug }));
      }
      expect((await apiA.patch(`/v1/links/${linkId("enable")}`, { status: "disabled" })).status).toBe(200);
    });

    function linkId(slug: string): string {
      const link = links.get(slug);
      if (link === undefined) throw new Error(`No link /${slug}.`);
      return link.id;
    }

    /**
     * Follows `slug` on B until B has it cached, with the answer `before`. Each change keeps its slug out of
     * every cache for {@link GUARD_MS}: B caches what it reads once that has passed.
     */
    async function warm(slug: string, before: number): Promise<void> {
      await vi.waitFor(
        async () => {
          expect((await follow(b, slug)).status, `B before the change, /${slug}`).toBe(before);
          expect(isCached(b, slug), `B caches /${slug}`).toBe(true);
        },
        { timeout: 5_000, interval: 20 },
      );
    }

    it("a new destination", async () => {
      await warm("retarget", 302);
      expect(
        (await apiA.patch(`/v1/links/${linkId("retarget")}`, { url: "https://example.com/new" })).status,
      ).toBe(200);
      await expectRedirect(b, "retarget", "https://example.com/new");
    });

    it("disabling (404) and enabling (302)", async () => {
      await warm("disable", 302);
      expect((await apiA.patch(`/v1/links/${linkId("disable")}`, { status: "disabled" })).status).toBe(200);
      expect((await follow(b, "disable")).status).toBe(404);
      await warm("enable", 404);
      expect((await apiA.patch(`/v1/links/${linkId("enable")}`, { status: "active" })).status).toBe(200);
      await expectRedirect(b, "enable", "https://example.com/enable");
    });

    it("a new slug: the old one 404, the new one redirects", async () => {
      await warm("rename", 302);
      await warm("renamed", 404);
      expect((await apiA.patch(`/v1/links/${linkId("rename")}`, { custom_slug: "renamed" })).status).toBe(
        200,
      );
      expect((await follow(b, "rename")).status).toBe(404);
      await expectRedirect(b, "renamed", "https://example.com/rename");
    });

    it("a delete (404), and the slug is free again for a link made on B", async () => {
      await warm("remove", 302);
      expect((await apiA.delete(`/v1/links/${linkId("remove")}`)).status).toBe(200);
      expect((await follow(b, "remove")).status).toBe(404);
      expectV1Error(await apiB.get(`/v1/links/${linkId("remove")}`), "link_not_found");
      const again = await apiB.createLink({ url: "https://example.com/reborn", custom_slug: "remove" });
      await expectRedirect(a, "remove", again.long_url);
    });

    it("a link made on A for a slug B had cached as missing", async () => {
      await warm("newcomer", 404);
      await apiA.createLink({ url: "https://example.com/newcomer", custom_slug: "newcomer" });
      await expectRedirect(b, "newcomer", "https://example.com/newcomer");
    });
  });

  it("clicks on both instances are counted together, one visitor once", async () => {
    const link = await apiA.createLink({ url: "https://example.com/counted", custom_slug: "counted" });
    const onA = 7;
    const onB = 5;
    for (let i = 0; i < onA; i++) expect((await follow(a, "counted", CHROME)).status).toBe(302);
    for (let i = 0; i < onB; i++)
      expect((await follow(b, "counted", i < 2 ? CHROME : FIREFOX)).status).toBe(302);
    await Promise.all([a.hexlink.flushClicks(), b.hexlink.flushClicks()]);
    for (const api of [apiA, apiB]) {
      const response = await api.get<{ analytics: Record<string, unknown> }>(
        `/v1/links/${link.id}/analytics`,
      );
      expect(response.status).toBe(200);
      // Chrome on A and on B is one visitor: both instances hash visitors with the same secret.
      expect(response.body.analytics).toMatchObject({
        total_clicks: onA + onB,
        unique_clicks: 2,
        bot_clicks: 0,
        browsers: expect.arrayContaining([
          { name: "Chrome", clicks: onA + 2 },
          { name: "Firefox", clicks: onB - 2 },
        ]),
      });
    }
  });

  it("a key revoked on A is refused by B's very next request (keys are read from the store, not cached)", async () => {
    const made = await apiA.post<{ key: { id: string }; secret: string }>("/v1/keys", {
      name: "revoked across instances",
      scopes: ["links:read"],
    });
    expect(made.status).toBe(201);
    const onB = new ApiClient(b.url, made.body.secret);
    expect((await onB.get("/v1/links")).status).toBe(200);
    expect((await apiA.delete(`/v1/keys/${made.body.key.id}`)).status).toBe(200);
    expectV1Error(await onB.get("/v1/links"), "unauthorized");
    expectV1Error(await new ApiClient(a.url, made.body.secret).get("/v1/links"), "unauthorized");
  });

  it("GET /v1/links on either instance lists the same links", async () => {
    const [listA, listB] = await Promise.all([
      apiA.get("/v1/links?limit=100"),
      apiB.get("/v1/links?limit=100"),
    ]);
    expect(listA.status).toBe(200);
    expect(listB.body).toEqual(listA.body);
  });
});

describe.skipIf(!available)("one key's rate limit across instances", () => {
  const limits: RateLimits = { perSecond: 1000, perHour: 5, perMonth: 1_000_000 };
  // A clock standing mid-hour: every request falls in one hour window, whatever the time of the run.
  const clock = new FixedClock("2026-03-15T12:30:00.000Z");
  let redis: RedisServer;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await redis?.stop();
  });

  /** Two instances on a fresh prefix, each with its own stores when `ownStores` is given. */
  async function pair(ownStores?: () => StoreBundle): Promise<ApiClient[]> {
    const prefix = `limits-${randomBytes(4).toString("hex")}:`;
    const start = () =>
      startInstance(redis.url, prefix, { rateLimits: limits, stores: ownStores?.(), clock });
    const both = await Promise.all([start(), start()]);
    servers.push(...both);
    return both.map((server) => new ApiClient(server.url, KEY));
  }

  /** Alternates one key's requests between the instances: the one past the limit is refused on each. */
  async function expectSharedLimit(clients: readonly ApiClient[]): Promise<void> {
    const answers: [number, string | null][] = [];
    for (let i = 0; i < limits.perHour; i++) {
      const response = await clients[i % clients.length]?.get("/v1/links");
      answers.push([response?.status ?? 0, response?.headers.get("x-ratelimit-remaining") ?? null]);
    }
    expect(answers).toEqual(answers.map((_, i) => [200, String(limits.perHour - i - 1)]));
    for (const client of clients) expectV1Error(await client.get("/v1/links"), "rate_limited");
  }

  it("is shared when both instances keep everything in Redis", async () => {
    await expectSharedLimit(await pair());
  });

  it("is shared when each instance has its own memory store and only REDIS_URL is common", async () => {
    await expectSharedLimit(await pair(() => memoryStores()));
  });
});
