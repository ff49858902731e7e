import { execFile, spawn, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import autocannon from "autocannon";

const run = promisify(execFile);

/** Requests per second and p99 latency (ms) of one load run. */
export interface Figures {
  readonly rps: number;
  readonly p99: number;
  readonly errors: number;
  /** Responses completed in the run. */
  readonly requests: number;
}

/** A real browser's user agent, so click recording classifies a human click, not a bot's (empty UA). */
export const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

export const HAVE_WRK = spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;

/**
 * Loads a URL for `seconds`. wrk (C, one thread) when installed, so the load generator is not the
 * bottleneck; otherwise autocannon, whose single JS thread caps what it can measure.
 */
export async function load(
  url: string,
  seconds: number,
  connections: number,
  script?: string,
  headers: readonly string[] = [],
): Promise<Figures> {
  if (HAVE_WRK) {
    const args = [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "--latency",
      "-H",
      `User-Agent: ${BROWSER_UA}`,
      ...headers.flatMap((header) => ["-H", header]),
      ...(script ? ["-s", script] : []),
      url,
    ];
    const { stdout } = await run("wrk", args);
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0);
    const p99 = parseLatency(/\s99%\s+([\d.]+\w+)/.exec(stdout)?.[1] ?? "0ms");
    const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
    const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
    return { rps, p99, errors, requests };
  }
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: {
      "user-agent": BROWSER_UA,
      ...Object.fromEntries(headers.map((header) => header.split(/:\s*/, 2) as [string, string])),
    },
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors,
    requests: result.requests.total,
  };
}

/** Runs wrk against `url` until the returned function is called: load beside a measurement. */
export function flood(url: string, connections: number, script?: string): () => void {
  const child = spawn(
    "wrk",
    [
      "-t1",
      `-c${connections}`,
      "-d3600s",
      "-H",
      `User-Agent: ${BROWSER_UA}`,
      ...(script ? ["-s", script] : []),
      url,
    ],
    { stdio: "ignore" },
  );
  return () => child.kill("SIGINT");
}

function parseLatency(text: string): number {
  const match = /([\d.]+)(us|ms|s)/.exec(text);
  const value = Number(match?.[1] ?? 0);
  const unit = match?.[2] ?? "ms";
  return unit === "us" ? value / 1000 : unit === "s" ? value * 1000 : value;
}
