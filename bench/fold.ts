import { performance } from "node:perf_hooks";
import {
  CdnHeaderGeoLocator,
  ChainedGeoLocator,
  HmacVisitorHasher,
  MaxMindGeoLocator,
  UaParserUserAgentParser,
} from "../src/adapters/classify/index.js";
import { InMemoryClickStore } from "../src/adapters/memory/in-memory-click-store.js";
import { NanoidIdGenerator, NodeScheduler } from "../src/adapters/node/index.js";
import type { RedirectHit } from "../src/application/ports/click-sink.js";
import { ClickRecorder } from "../src/application/services/click-recorder.js";
import { yearOfClicks } from "../test/support/year-of-clicks.js";

// Clicks folded per second through ClickRecorder.record (real adapters), and the in-memory 365-day query time.
const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
];
const REFERRERS = ["", "https://m.facebook.com/", "https://t.co/x", "android-app://com.linkedin.android/"];

function hits(count: number, distinctClients: number): RedirectHit[] {
  const at = new Date("2026-03-15T12:00:00Z");
  return Array.from({ length: count }, (_, index) => {
    const client = index % distinctClients;
    return {
      linkId: `lnk_${index % 200}`,
      at,
      ip: `${(client % 200) + 20}.${(client >> 8) & 255}.${client & 255}.${(client * 7) % 250}`,
      userAgent: USER_AGENTS[client % USER_AGENTS.length] ?? "",
      referrer: REFERRERS[index % REFERRERS.length] ?? "",
      headers: {},
      target: "default",
    };
  });
}

async function foldRate(label: string, sample: RedirectHit[], rounds: number): Promise<void> {
  const recorder = new ClickRecorder(
    {
      store: new InMemoryClickStore(),
      userAgents: new UaParserUserAgentParser(),
      geo: new ChainedGeoLocator([
        new CdnHeaderGeoLocator({ trustProxy: false }),
        MaxMindGeoLocator.openSync(),
      ]),
      visitors: new HmacVisitorHasher({ secret: "benchmark-secret-0123456789" }),
      clock: { now: () => new Date() },
      scheduler: new NodeScheduler(),
      ids: new NanoidIdGenerator(),
    },
    { flushIntervalMs: 3_600_000, clientMemoSize: 1_000_000 },
  );
  for (const hit of sample) recorder.record(hit);
  await recorder.flush();
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const hit of sample) recorder.record(hit);
    await recorder.flush();
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = (sample.length * rounds) / seconds;
  console.log(
    `${label}: ${(rate / 1e6).toFixed(2)} M clicks/s (${((seconds * 1e9) / (sample.length * rounds)).toFixed(0)} ns/click, flush included)`,
  );
  await recorder.stop();
}

async function queryTime(): Promise<void> {
  const store = new InMemoryClickStore();
  const { increments, range } = yearOfClicks("lnk_big", 1_000_000);
  await store.add(increments, "bench");
  const times: number[] = [];
  let total = 0;
  for (let run = 0; run < 30; run += 1) {
    const start = performance.now();
    const counts = await store.query("lnk_big", range);
    times.push(performance.now() - start);
    total = [...counts.days.values()].reduce((sum, day) => sum + day.clicks, 0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `in-memory query, 365 days, ${total} clicks: median ${median.toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(2)} ms`,
  );
}

await foldRate("record, warm (10 000 clients repeating)", hits(1_000_000, 10_000), 5);
await foldRate("record, cold (every click a new client)", hits(200_000, 200_000), 3);
await queryTime();
