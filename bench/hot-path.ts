import { IncomingMessage, type RequestListener, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import { pino } from "pino";
import { createHexlinkServerListener } from "../src/adapters/express/index.js";
import { redirectFastPath } from "../src/adapters/express/redirect/redirect-fast-path.js";
import type { Hexlink } from "../src/application/hexlink.js";
import { createHexlink } from "../src/bootstrap/create-hexlink.js";
import { type BenchChild, cpuMicros, median, startChild, stopChild } from "./children.js";
import { BROWSER_UA, load } from "./load.js";
import { TEN_RULES } from "./ten-rules.js";

// What parts of the redirect path cost, measured in this one process: each request a real IncomingMessage and
// ServerResponse on a socket that discards what is written, so no kernel, no load generator and no other
// process adds its noise. Variants run interleaved, ROUNDS × REQUESTS each; each is taken at its fastest round
// (noise only adds time), and the figures are differences of those. A bare node:http server's CPU per redirect, measured with wrk in the same run, turns
// the differences into shares of a whole redirect (issues 15, 16 and 18 state their goals that way).
const ROUNDS = Number(process.env.BENCH_HOT_ROUNDS ?? 31);
const REQUESTS = Number(process.env.BENCH_HOT_REQUESTS ?? 20_000);
const SLASHED = { slash: "/" };

const sink = new Duplex({
  write: (_chunk, _encoding, done) => done(),
  read: () => {},
});
Object.defineProperty(sink, "remoteAddress", { value: "127.0.0.1" });

function answer(listener: RequestListener, path: string): void {
  const req = new IncomingMessage(sink as never);
  req.method = "GET";
  req.url = path;
  // A fresh user-agent string each time, as the HTTP parser makes one per request.
  req.headers = { host: "127.0.0.1:8080", "user-agent": `${BROWSER_UA}${SLASHED.slash}`.slice(0, -1) };
  const res = new ServerResponse(req);
  res.assignSocket(sink as never);
  listener(req, res);
  res.detachSocket(sink as never);
}

async function nsPerRequest(listener: RequestListener, path: string): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) {
    answer(listener, path);
    // Let timers (the recorder's flush) and promises run, as between a server's reads.
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  return Number(process.hrtime.bigint() - started) / REQUESTS;
}

async function benchHexlink(account: string, webhookUrl?: string): Promise<Hexlink> {
  const hexlink = await createHexlink({
    baseUrl: "http://127.0.0.1:8080",
    settings: { allowPrivateWebhooks: true },
  });
  const plain = { accountId: account, url: "https://example.com/landing" };
  await hexlink.createLink.execute({ ...plain, customSlug: "plain" });
  await hexlink.createLink.execute({ ...plain, customSlug: "rules", rules: TEN_RULES });
  if (webhookUrl !== undefined)
    await hexlink.createWebhook.execute({ accountId: account, url: webhookUrl, events: ["clicks.recorded"] });
  return hexlink;
}

/** CPU time per redirect of a bare node:http server under wrk (50 connections), median of three runs. */
async function bareMicros(): Promise<number> {
  const bare: BenchChild = await startChild("bench/servers/bare.ts");
  try {
    const url = `http://127.0.0.1:${bare.port}/bench`;
    await load(url, 1, 50);
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const before = cpuMicros(bare.child.pid);
      const figures = await load(url, 3, 50);
      runs.push((cpuMicros(bare.child.pid) - before) / Math.max(1, figures.requests));
    }
    return median(runs);
  } finally {
    await stopChild(bare.child);
  }
}

async function main(): Promise<void> {
  const logger = pino({ level: "silent" });
  const receiver = await startChild("bench/servers/receiver.ts");
  const quiet = await benchHexlink("quiet");
  // Subscribed, never delivered (its worker is not started): the per-click bookkeeping alone.
  const hooked = await benchHexlink("hooked", "http://127.0.0.1:9/hook");
  // Delivered by its worker, on this thread, to a receiver in another process.
  const delivering = await benchHexlink("delivering", `http://127.0.0.1:${receiver.port}/hook`);
  delivering.webhookWorker.start();
  const observed = createHexlinkServerListener(quiet, { logger });
  const unobserved = redirectFastPath(quiet, () => {}, {
    logger,
    metrics: undefined,
    ids: () => undefined as unknown as string,
    redirectStatus: 302,
    ipOf: (req) => req.socket.remoteAddress ?? "",
  });
  const withWebhook = createHexlinkServerListener(hooked, { logger });
  const withDelivery = createHexlinkServerListener(delivering, { logger });
  const variants: Record<string, [RequestListener, string]> = {
    observed: [observed, "/plain"],
    unobserved: [unobserved, "/plain"],
    rules: [observed, "/rules"],
    webhook: [withWebhook, "/plain"],
    delivered: [withDelivery, "/plain"],
  };
  // Warm-up: JIT, caches, the account's webhook interest.
  for (const [listener, path] of Object.values(variants)) await nsPerRequest(listener, path);
  const times: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, [listener, path]] of Object.entries(variants))
      (times[name] ??= []).push(await nsPerRequest(listener, path));
  }
  // The fastest round of each: what other work on the machine does to a round only ever adds time.
  const best = (name: string) => Math.min(...(times[name] ?? []));
  const delta = (a: string, b: string) => best(a) - best(b);
  const delivered = await fetch(`http://127.0.0.1:${receiver.port}/count`).then((r) => r.json());
  await quiet.close();
  await hooked.close();
  await delivering.close();
  await stopChild(receiver.child);
  const bare = await bareMicros();
  const share = (ns: number) => `${Math.round(ns)} ns = ${((ns / 1000 / bare) * 100).toFixed(1)}%`;
  const rows = [
    `| in-process: a redirect (memory, clicks on, metrics and request id), fastest round | ${Math.round(best("observed"))} ns |`,
    `| bare node:http redirect under wrk, CPU per request (the whole: kernel, parser, response) | ${bare.toFixed(1)} µs |`,
    `| in-process: metrics and request id, per redirect (issue 15, goal ≤ 3%) | ${share(delta("observed", "unobserved"))} |`,
    `| in-process: a link with 10 rules none matches, over a plain link (issue 16, goal ≤ 10%) | ${share(delta("rules", "observed"))} |`,
    `| in-process: a clicks.recorded webhook's bookkeeping per click, not delivered (issue 18) | ${share(delta("webhook", "observed"))} |`,
    `| in-process: the same, delivered to a local receiver by the worker on this thread (issue 18, goal ≤ 5%) | ${share(delta("delivered", "observed"))} |`,
    `| in-process: clicks.recorded items the receiver got during the rounds | ${(delivered as { clicks: number }).clicks} |`,
  ];
  process.stdout.write(`${rows.join("\n")}\n`);
}

await main();
process.exit(0);
