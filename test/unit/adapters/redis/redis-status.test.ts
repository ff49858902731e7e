import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisSharedState, redisStores } from "../../../../src/adapters/redis/redis-stores.js";
import type { SharedState, StoreBundle } from "../../../../src/application/ports/store-bundle.js";
import type { StoreStatus } from "../../../../src/application/ports/store-status.js";
import {
  type RestartableRedisServer,
  redisSuiteAvailable,
  startRestartableRedisServer,
} from "../../../support/redis-server.js";

const TITLE = "test/unit/adapters/redis/redis-status.test.ts";
const available = redisSuiteAvailable(TITLE);

/** Polls until `check` holds, for at most five seconds. */
async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!available)(`${TITLE}: Redis connection status`, () => {
  let server: RestartableRedisServer;
  let stores: StoreBundle;
  let shared: SharedState;
  beforeAll(async () => {
    server = await startRestartableRedisServer();
    const options = { url: server.url, reconnectMaxMs: 100, commandTimeoutMs: 500 };
    stores = redisStores(options);
    shared = redisSharedState(options);
    await stores.ping();
    await shared.ping();
  });
  afterAll(async () => {
    await Promise.allSettled([stores.close(), shared.close()]);
    await server.stop();
  });

  it("reports a lost server once however often the client retries, then its return once", async () => {
    const heard: StoreStatus[] = [];
    const heardShared: StoreStatus[] = [];
    const unwatch = stores.watchStatus?.((status) => heard.push(status));
    shared.watchStatus?.((status) => heardShared.push(status));
    expect(heard).toEqual([]);
    await server.kill();
    await eventually(() => heard.length > 0 && heardShared.length > 0);
    // Several reconnection tries (100 ms apart at most) fail meanwhile.
    await sleep(600);
    expect(heard).toEqual([{ up: false, reason: expect.any(String) }]);
    expect(heardShared).toHaveLength(1);
    const late: StoreStatus[] = [];
    stores.watchStatus?.((status) => late.push(status));
    expect(late).toEqual([heard[0]]);
    await server.restart();
    await eventually(() => heard.length === 2);
    expect(heard[1]).toEqual({ up: true });
    await stores.ping();
    await sleep(200);
    expect(heard).toHaveLength(2);
    unwatch?.();
  });
});
