import { afterAll, expect, it } from "vitest";
import { ApiClient, httpRequest } from "../support/http-client.js";
import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import { redisAvailable } from "../support/redis-server.js";
import {
  clicksThroughNewServer,
  killServerProcesses,
  redisServerEnv,
  startServerProcess as startProcess,
} from "../support/server-process.js";

const KEY = "hxk_click_shutdown_key_00001";
const BURST = 300;
const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

if (process.env.HEXLINK_REQUIRE_SUITES === "1" && !redisAvailable()) {
  throw new Error("redis-server not found and HEXLINK_REQUIRE_SUITES=1: the click shutdown suite must run");
}

/** Starts src/bootstrap/server.ts on a free port with the Redis store, and waits until it listens. */
function startServerProcess(redisUrl: string) {
  return startProcess(redisServerEnv(redisUrl, KEY));
}

afterAll(killServerProcesses);

describeWithRedis("SIGTERM right after a burst of redirects (Redis store)", standaloneBackend, (backend) => {
  it(`lands every click: ${BURST} redirects, SIGTERM at once, exit 0, then exactly ${BURST} clicks`, async () => {
    const first = await startServerProcess(backend().url);
    const link = await new ApiClient(first.url, KEY).createLink({ url: "https://example.com/burst" });
    const responses = await Promise.all(
      Array.from({ length: BURST }, () =>
        httpRequest(`${first.url}/${link.slug}`, { headers: { "user-agent": USER_AGENT } }),
      ),
    );
    first.child.kill("SIGTERM");
    expect(responses.map((response) => response.status)).toEqual(Array(BURST).fill(302));
    const { code, output } = await first.exited;
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/Clicks lost|Click flush failed/);

    const counted = await clicksThroughNewServer(redisServerEnv(backend().url, KEY), KEY, link.id);
    expect(counted).toMatchObject({
      status: 200,
      analytics: { total_clicks: BURST, bot_clicks: 0 },
      exitCode: 0,
    });
    // Two server processes and a burst: a bound that a busy machine stays inside, not a speed.
  }, 60_000);
});
