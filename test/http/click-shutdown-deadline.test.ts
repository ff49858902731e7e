import { afterAll, describe, expect, it } from "vitest";
import { redisStores } from "../../src/adapters/redis/index.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";
import { ApiClient, httpRequest } from "../support/http-client.js";
import { mongoSuiteAvailable, standInBinary, startMongoStandIn } from "../support/mongo-server.js";
import { redisSuiteAvailable, startRestartableRedisServer } from "../support/redis-server.js";
import { killServerProcesses, type ServerProcess, startServerProcess } from "../support/server-process.js";

const REDIS_TITLE = "SIGTERM while the click store does not answer (Redis frozen)";
const MONGO_TITLE = "SIGTERM once the click store is gone (MongoDB stand-in stopped)";
const redisAvailable = redisSuiteAvailable(REDIS_TITLE);
// The stand-in only: a server of MONGODB_URL is not the test's to stop.
const standInAvailable = mongoSuiteAvailable(MONGO_TITLE) && standInBinary() !== undefined;

const KEY = "hxk_click_deadline_key_00001";
const BASE_URL = "http://sho.rt.test";
const BURST = 200;
/** The server's one shutdown deadline (src/bootstrap/server.ts); past it the process exits 1. */
const SHUTDOWN_DEADLINE_MS = 10_000;
/** Between the server's own exit and the test seeing the process closed: a bound, not a speed. */
const EXIT_SLACK_MS = 2_000;
const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

afterAll(killServerProcesses);

function serverOn(store: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess({
    HEXLINK_BASE_URL: BASE_URL,
    HEXLINK_API_KEYS: `acme:${KEY}`,
    HEXLINK_RATE_LIMIT_PER_SECOND: "10000",
    ...store,
  });
}

/** The recorder's part of /readyz, `pending=… dropped=…`. */
async function clicksDetail(server: ServerProcess): Promise<string | undefined> {
  const response = await new ApiClient(server.url, undefined).get<{
    checks: Record<string, { detail?: string }>;
  }>("/readyz");
  return response.body.checks?.clicks?.detail;
}

/** The pino lines a process printed, parsed (other lines skipped). */
function logLines(output: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Not a log line.
    }
  }
  return lines;
}

/**
 * Sends BURST redirects at once, then SIGTERM; checks that the process exits 0 within the deadline and logs one
 * line of lost clicks. Answers the redirects served (302: a 503 records no click) and the clicks logged lost.
 */
async function burstThenStop(
  title: string,
  server: ServerProcess,
  follow: () => ReturnType<typeof httpRequest>,
): Promise<{ redirected: number; lostClicks: unknown }> {
  const statuses = (await Promise.all(Array.from({ length: BURST }, follow))).map(({ status }) => status);
  const redirected = statuses.filter((status) => status === 302).length;
  expect(redirected, JSON.stringify(statuses)).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 302 || status === 503)).toBe(true);

  const signalled = Date.now();
  server.child.kill("SIGTERM");
  const { code, output } = await server.exited;
  const elapsed = Date.now() - signalled;
  console.info(`${title}: ${redirected} of ${BURST} redirected, exit ${code} after ${elapsed} ms`);
  expect(code, output).toBe(0);
  expect(output).not.toMatch(/shutdown timed out/);
  expect(elapsed).toBeLessThan(SHUTDOWN_DEADLINE_MS + EXIT_SLACK_MS);
  const lost = logLines(output).filter((line) => String(line.msg).startsWith("Clicks lost at shutdown"));
  expect(lost, output).toHaveLength(1);
  return { redirected, lostClicks: lost[0]?.lostClicks };
}

describe.skipIf(!redisAvailable)(REDIS_TITLE, () => {
  it("exits 0 within the deadline and logs exactly the clicks it could not store", async () => {
    const redis = await startRestartableRedisServer();
    try {
      // Made before the server starts, so that no invalidation of its own keeps the link out of its cache.
      const seeder = await createHexlink({ stores: redisStores({ url: redis.url }), baseUrl: BASE_URL });
      const link = await seeder.createLink.execute({ accountId: "acme", url: "https://example.com/frozen" });
      await seeder.close();
      const store = { HEXLINK_STORE: "redis", REDIS_URL: redis.url };
      const server = await serverOn(store);
      const follow = () =>
        httpRequest(`${server.url}/${link.slug}`, { headers: { "user-agent": USER_AGENT } });
      // One redirect puts the link in the instance's cache, which serves it while Redis is frozen; its click is
      // stored before the freeze, so that every click of the burst is one the store has not confirmed.
      expect((await follow()).status).toBe(302);
      for (let tries = 0; (await clicksDetail(server)) !== "pending=0 dropped=0"; tries += 1) {
        expect(tries, "the first click reaches the store").toBeLessThan(100);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      redis.freeze();
      const { redirected, lostClicks } = await burstThenStop(REDIS_TITLE, server, follow);
      expect(lostClicks).toBe(redirected);

      // A batch Redis received but never answered runs once it resumes: at most the clicks reported lost land,
      // each once (the batch id guards its retries).
      redis.thaw();
      const after = await serverOn(store);
      const analytics = await new ApiClient(after.url, KEY).get<{ analytics: { total_clicks: number } }>(
        `/v1/links/${link.id}/analytics`,
      );
      expect(analytics.status).toBe(200);
      expect(analytics.body.analytics.total_clicks).toBeGreaterThanOrEqual(1);
      expect(analytics.body.analytics.total_clicks).toBeLessThanOrEqual(1 + redirected);
      after.child.kill("SIGTERM");
      expect((await after.exited).code).toBe(0);
    } finally {
      await redis.stop();
    }
  }, 60_000);
});

describe.skipIf(!standInAvailable)(MONGO_TITLE, () => {
  it("exits 0 within the deadline and logs exactly the clicks it could not store", async () => {
    const mongo = await startMongoStandIn();
    try {
      const server = await serverOn({ HEXLINK_STORE: "mongodb", MONGODB_URL: `${mongo.url}/hexlink` });
      const link = await new ApiClient(server.url, KEY).createLink({ url: "https://example.com/gone" });
      const follow = () =>
        httpRequest(`${server.url}/${link.slug}`, { headers: { "user-agent": USER_AGENT } });
      // Without REDIS_URL the link cache is the instance's own, and it serves the link once followed.
      expect((await follow()).status).toBe(302);

      await mongo.stop();
      const { redirected, lostClicks } = await burstThenStop(MONGO_TITLE, server, follow);
      // The first click too: the stand-in refuses every click batch (no $max, see STANDIN_GAPS), so none landed.
      expect(lostClicks).toBe(1 + redirected);
    } finally {
      await mongo.stop();
    }
  }, 60_000);
});
