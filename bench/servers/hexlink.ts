import { createServer, type RequestListener } from "node:http";
import { pino } from "pino";
import QRCode from "qrcode";
import { createHexlinkServerListener, type QrRenderer } from "../../src/adapters/express/index.js";
import { redirectFastPath } from "../../src/adapters/express/redirect/redirect-fast-path.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/index.js";
import { ClickRecorder } from "../../src/application/services/click-recorder.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";
import { TEN_RULES } from "../ten-rules.js";

// A hexlink server for the benchmark: BENCH_STORE=memory|redis, BENCH_CLICKS=on|off.

/** QR codes drawn on the event loop, as before the worker thread (BENCH_QR_INLINE=1), for comparison. */
const INLINE_QR_RENDERER: QrRenderer = {
  render: async (text, format, size) => {
    const options = { errorCorrectionLevel: "M", margin: 2, width: size } as const;
    if (format === "png") return QRCode.toBuffer(text, { ...options, type: "png" });
    return Buffer.from(await QRCode.toString(text, { ...options, type: "svg" }));
  },
};
const store = process.env.BENCH_STORE ?? "memory";
const clicksOff = process.env.BENCH_CLICKS === "off";
const redisUrl = process.env.BENCH_REDIS_URL ?? "";
/** With a receiver's URL, the bench account gets a `clicks.recorded` webhook to it, delivered by the worker. */
const webhookUrl = process.env.BENCH_WEBHOOK_URL;
/** With a receiver's URL, a second account's link `/bench-hooked` has a `clicks.recorded` webhook to it, delivered. */
const hookedUrl = process.env.BENCH_HOOKED_URL;

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
    // The benchmark measures the server, not the per-key limits, nor the per-address QR limit (a flood from
    // many addresses); BENCH_QR_LIMIT sets that one.
    settings: {
      rateLimits: { perSecond: 1e9, perHour: 1e9, perMonth: 1e9 },
      qrCodesPerMinute: Number(process.env.BENCH_QR_LIMIT ?? 1e9),
      allowPrivateWebhooks: webhookUrl !== undefined || hookedUrl !== undefined,
    },
  });
  if (hookedUrl !== undefined) {
    await hexlink.createWebhook.execute({ accountId: "hooked", url: hookedUrl, events: ["clicks.recorded"] });
    const hooked = { accountId: "hooked", url: "https://example.com/landing", customSlug: "bench-hooked" };
    await hexlink.createLink.execute(hooked);
    hexlink.webhookWorker.start();
  }
  if (webhookUrl !== undefined) {
    await hexlink.createWebhook.execute({ accountId: "bench", url: webhookUrl, events: ["clicks.recorded"] });
    if (process.env.BENCH_WEBHOOK_NO_DELIVERY !== "1") hexlink.webhookWorker.start();
  }
  // The links of the cache-busting QR flood (bench/qr-flood.lua).
  for (let i = 0; i < 200; i++) {
    await hexlink.createLink.execute({
      accountId: "bench",
      url: "https://example.com/qr",
      customSlug: `qr${i}`,
    });
  }
  const link = await hexlink.createLink.execute({
    accountId: "bench",
    url: "https://example.com/landing",
    customSlug: "bench",
  });
  await hexlink.createLink.execute({
    accountId: "bench",
    url: "https://example.com/landing",
    customSlug: "bench-rules",
    rules: TEN_RULES,
  });
  const listener = createHexlinkServerListener(hexlink, {
    logger: pino({ level: "silent" }),
    ...(process.env.BENCH_QR_INLINE === "1" ? { qrRenderer: INLINE_QR_RENDERER } : {}),
  });
  // The same fast path without metrics or request ids, for requests carrying `X-Bench-Unobserved`: the A/B of
  // what they cost (issue 15) runs in this one process, alternating with the shipped path (bench/paired.ts).
  const unobserved = redirectFastPath(hexlink, () => {}, {
    logger: pino({ level: "silent" }),
    metrics: undefined,
    ids: () => undefined as unknown as string,
    redirectStatus: 302,
    ipOf: (req) => req.socket.remoteAddress ?? "",
  });
  // Redirect requests taken in, to compare with the clicks the store counts after the burst.
  let served = 0;
  const stats: RequestListener = async (_req, res) => {
    if (hexlink.clickSink instanceof ClickRecorder) await hexlink.clickSink.flush();
    const counted = await hexlink.getLinkAnalytics.execute({ accountId: "bench", linkId: link.id });
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ served, clicks: counted.totalClicks, bots: counted.botClicks }));
  };
  server.on("request", (req, res) => {
    if (req.url === "/bench") served += 1;
    else if (req.url === "/__bench/clicks") return void stats(req, res);
    if (req.headers["x-bench-unobserved"] !== undefined) unobserved(req, res);
    else listener(req, res);
  });
  process.stdout.write(`ready ${port}\n`);
  process.on("SIGTERM", async () => {
    await hexlink.close();
    process.exit(0);
  });
});
