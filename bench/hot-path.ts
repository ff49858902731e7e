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
// the differences into shares of a whole redirect (issues 15 and 16 state their goals that way). Periodic work
// (a webhook's messages, built and sent once a second) is not measured here: a round may miss it; the
// webhooks section measures that under wrk.
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

async function benchHexlink(account: string): Promise<Hexlink> {
  const hexlink = await createHexlink({
    baseUrl: "http://127.0.0.1:8080",
  });
  const plain = { accountId: account, url: "https://example.com/landing" };
  await hexlink.createLink.execute({ ...plain, customSlug: "plain" });
  await hexlink.createLink.execute({ ...plain, customSlug: "rules", rules: TEN_RULES });
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
  const quiet = await benchHexlink("quiet");

  const observed = createHexlinkServerListener(quiet, { logger });
  const unobserved = redirectFastPath(quiet, () => {}, {
    logger,
    metrics: undefined,
    ids: () => undefined as unknown as string,
    redirectStatus: 302,
    ipOf: (req) => req.socket.remoteAddress ?? "",
  });

  const variants: Record<string, [RequestListener, string]> = {
    observed: [observed, "/plain"],
    unobserved: [unobserved, "/plain"],
    rules: [observed, "/rules"],
  };
  // Warm-up: JIT and caches.
  for (const [listener, path] of Object.values(variants)) await nsPerRequest(listener, path);
  const times: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, [listener, path]] of Object.entries(variants))
      (times[name] ??= []).push(await nsPerRequest(listener, path));
  }
  // The fastest round of each: what other work on the machine does to a round only ever adds time.
  const best = (name: string) => Math.min(...(times[name] ?? []));
  const delta = (a: string, b: string) => best(a) - best(b);

  await quiet.close();

  const bare = await bareMicros();
  const share = (ns: number) => `${Math.round(ns)} ns = ${((ns / 1000 / bare) * 100).toFixed(1)}%`;
  const rows = [
    `| in-process: a redirect (memory, clicks on, metrics and request id), fastest round | ${Math.round(best("observed"))} ns |`,
    `| bare node:http redirect under wrk, CPU per request (the whole: kernel, parser, response) | ${bare.toFixed(1)} µs |`,
    `| in-process: metrics and request id, per redirect (issue 15, goal ≤ 3%) | ${share(delta("observed", "unobserved"))} |`,
    `| in-process: a link with 10 rules none matches, over a plain link (issue 16, goal ≤ 10%) | ${share(delta("rules", "observed"))} |`,
  ];
  process.stdout.write(`${rows.join("\n")}\n`);
}

await main();
process.exit(0);
