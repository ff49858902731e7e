import { createServer, type RequestListener } from "node:http";
import { pino } from "pino";
import { createHexlinkServerListener } from "../../src/adapters/express/index.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/index.js";
import { ClickRecorder } from "../../src/application/services/click-recorder.js";
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
  const link = await hexlink.createLink.execute({
    accountId: "bench",
    url: "https://example.com/landing",
    customSlug: "bench",
  });
  const listener = createHexlinkServerListener(hexlink, { logger: pino({ level: "silent" }) });
  // Redirect requests taken in, to compare with the clicks the store counts after the burst.
  let served = 0;
  const stats: RequestListener = async (_req, res) => {
    if (hexlink.clickSink instanceof ClickRecorder) await hexlink.clickSink.flush();
    const counted = await hexlink.getLinkAnalytics.execute("bench", link.id);
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ served, clicks: counted.totalClicks, bots: counted.botClicks }));
  };
  server.on("request", (req, res) => {
    if (req.url === "/bench") served += 1;
    else if (req.url === "/__bench/clicks") return void stats(req, res);
    listener(req, res);
  });
  process.stdout.write(`ready ${port}\n`);
  process.on("SIGTERM", async () => {
    await hexlink.close();
    process.exit(0);
  });
});
