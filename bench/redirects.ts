import { type BenchChild, cpuMicros, median } from "./children.js";
import { type Figures, flood, load } from "./load.js";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const CONNECTIONS = 50;

/** A concurrent load on the target server while its redirects are measured. */
export interface Flood {
  readonly path: string;
  readonly connections: number;
  readonly script?: string;
}

/**
 * A markdown row: the target's redirects measured in alternation with the bare baseline, medians of ROUNDS;
 * with a flood, the flood hits the target's server during the bare rounds too, so only isolation differs.
 */
export async function compare(
  label: string,
  bare: BenchChild,
  server: BenchChild,
  extra?: Flood,
  path = "/bench",
): Promise<string> {
  return (await compareFigures(label, bare, server, extra, path)).row;
}

/** {@link compare}'s row, and the medians of requests per second it shows for the target and the baseline. */
export async function compareFigures(
  label: string,
  bare: BenchChild,
  server: BenchChild,
  extra?: Flood,
  path = "/bench",
): Promise<{ row: string; rps: number; bareRps: number }> {
  const bareUrl = `http://127.0.0.1:${bare.port}/bench`;
  const targetUrl = `http://127.0.0.1:${server.port}${path}`;
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const base: Figures[] = [];
  const target: Figures[] = [];
  const stop =
    extra === undefined
      ? undefined
      : flood(new URL(extra.path, targetUrl).href, extra.connections, extra.script);
  try {
    await load(targetUrl, 1, CONNECTIONS); // warm-up: JIT and caches
    await load(bareUrl, 1, CONNECTIONS);
    for (let round = 0; round < ROUNDS; round++) {
      const b = await measured(bare, bareUrl);
      const t = await measured(server, targetUrl);
      base.push(b.figures);
      target.push(t.figures);
      ratios.push(t.figures.rps / b.figures.rps);
      cpuRatios.push(b.cpuPerRequest / t.cpuPerRequest);
    }
  } finally {
    stop?.();
  }
  const rps = median(target.map((f) => f.rps));
  const bareRps = median(base.map((f) => f.rps));
  const p99 = median(target.map((f) => f.p99));
  const bareP99 = median(base.map((f) => f.p99));
  const errors = target.reduce((sum, f) => sum + f.errors, 0);
  const shown = errors === 0 ? label : `${label} (non-3xx: ${errors})`;
  // Under a flood the target's CPU time serves the flood too: no CPU ratio then.
  const cpu = extra === undefined ? median(cpuRatios).toFixed(2) : "–";
  const row = `| ${shown} | ${Math.round(rps)} | ${p99.toFixed(2)} | ${Math.round(bareRps)} | ${bareP99.toFixed(2)} | ${median(ratios).toFixed(2)} | ${cpu} |`;
  return { row, rps, bareRps };
}

/** One load run and the server's CPU time per response during it. */
async function measured(
  child: BenchChild,
  url: string,
): Promise<{ figures: Figures; cpuPerRequest: number }> {
  const before = cpuMicros(child.child.pid);
  const figures = await load(url, DURATION_S, CONNECTIONS);
  return { figures, cpuPerRequest: (cpuMicros(child.child.pid) - before) / Math.max(1, figures.requests) };
}

/** Link creation through the v1 API, rate limits lifted far above the load. */
export async function createRow(label: string, port: number): Promise<string> {
  const results: Figures[] = [];
  await load(`http://127.0.0.1:${port}/v1/links`, 1, 10, "bench/post-link.lua");
  for (let round = 0; round < ROUNDS; round++)
    results.push(await load(`http://127.0.0.1:${port}/v1/links`, DURATION_S, 10, "bench/post-link.lua"));
  const errors = results.reduce((sum, f) => sum + f.errors, 0);
  const rps = median(results.map((f) => f.rps));
  const p99 = median(results.map((f) => f.p99));
  return `| ${label} (10 connections${errors === 0 ? "" : `, non-2xx: ${errors}`}) | ${Math.round(rps)} | ${p99.toFixed(2)} | – | – | – | – |`;
}

/** After a burst: redirects the server took in and clicks its store counted for the link (must be equal). */
export async function clickCheck(label: string, port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/__bench/clicks`);
  const { served, clicks, bots } = (await response.json()) as {
    served: number;
    clicks: number;
    bots: number;
  };
  const verdict = served === clicks ? "equal" : `MISMATCH (${clicks - served})`;
  return `${label}: ${served} redirects served, ${clicks} clicks counted (${bots} as bots): ${verdict}`;
}

export const SETTINGS = `${DURATION_S} s × ${ROUNDS} rounds each, alternating with the baseline`;
