import { createServer } from "node:http";
import { pino } from "pino";
import { createHexlinkServerListener } from "../../src/adapters/express/index.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/index.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";

// A hexlink server for the benchmark: BENCH_STORE=memory|redis, BENCH_CLICKS=on|off.
const store = process.env.BENCH_STORE ?? "memory";
const clicksOff = process.env.BENCH_CLICKS === "off";
const redisUrl = process.env.BENCH_REDIS_URL ?? "";

const server = createServer();
server.listen(0, "127.0.0.1", async () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const hexlink = await createHexlink({
    baseUrl: `http://127.0.0.1:${port}`,
    ...(store === "redis"
      ? { stores: redisStores({ url: redisUrl }), shared: redisSharedState({ url: redisUrl }) }
      : {}),
    ...(clicksOff ? { clickSink: { record: () => {} } } : {}),
    apiKeys: [{ accountId: "bench", key: "hxk_bench_key_0123456789" }],
    // The benchmark measures the server, not the per-key limits.
    settings: { rateLimits: { perSecond: 1e9, perHour: 1e9, perMonth: 1e9 } },
  });
  await hexlink.createLink.execute({
    accountId: "bench",
    url: "https://example.com/landing",
    customSlug: "bench",
  });
  server.on("request", createHexlinkServerListener(hexlink, { logger: pino({ level: "silent" }) }));
  process.stdout.write(`ready ${port}\n`);
  process.on("SIGTERM", async () => {
    await hexlink.close();
    process.exit(0);
  });
});
