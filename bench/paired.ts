import { type BenchChild, cpuMicros, median, startChild, stopChild } from "./children.js";
import { load } from "./load.js";

// Paired A/Bs on one server process (memory store, clicks on): the two sides share the process, its JIT state and
// its caches, and run alternately 3 s at a time under wrk, so what differs between them is the one thing
// measured. The figure is the change in CPU time per redirect (user + system, /proc), side B over side A, per
// round; the median and the range of BENCH_PAIRED_ROUNDS rounds are shown.
const ROUNDS = Number(process.env.BENCH_PAIRED_ROUNDS ?? 8);
const SECONDS = 3;
const CONNECTIONS = 50;

interface Side {
  readonly path: string;
  readonly headers?: readonly string[];
  /**
   * How long the side's CPU time is still counted after its load (ms): work its requests leave for later (the
   * recorder's last flush, the webhook messages it builds and sends) is charged to it, not to the next side.
   */
  readonly settleMs?: number;
}

const ALL_PAIRS: readonly {
  readonly name: string;
  readonly label: string;
  readonly a: Side;
  readonly b: Side;
}[] = [
  {
    name: "observed",
    label: "metrics and request ids on the redirect path (issue 15, goal ≤ 3%)",
    a: { path: "/bench", headers: ["X-Bench-Unobserved: 1"] },
    // A header of the same size, so both sides parse the same bytes.
    b: { path: "/bench", headers: ["X-Bench-Observed-1: 1"] },
  },
  {
    name: "rules",
    label: "a link with 10 rules none matches, over a plain link (issue 16, goal ≤ 10%)",
    a: { path: "/bench" },
    b: { path: "/bench-rules" },
  },
  {
    name: "hooked",
    label:
      "a link whose account has a clicks.recorded webhook, delivered to a local receiver, over a link whose account has none (issue 18, goal ≤ 5%)",
    a: { path: "/bench", settleMs: 1500 },
    b: { path: "/bench-hooked", settleMs: 1500 },
  },
];
/** BENCH_PAIRS=observed,rules,hooked picks pairs (all by default). */
const PAIRS = ALL_PAIRS.filter(
  (pair) => process.env.BENCH_PAIRS === undefined || process.env.BENCH_PAIRS.split(",").includes(pair.name),
);

async function cpuPerRequest(server: BenchChild, side: Side): Promise<number> {
  const before = cpuMicros(server.child.pid);
  const url = `http://127.0.0.1:${server.port}${side.path}`;
  const figures = await load(url, SECONDS, CONNECTIONS, undefined, side.headers);
  if (side.settleMs !== undefined) await new Promise((resolve) => setTimeout(resolve, side.settleMs));
  return (cpuMicros(server.child.pid) - before) / Math.max(1, figures.requests);
}

/** A markdown row per pair: `| label | median change (range), µs per redirect A → B |`. */
export async function pairedRows(): Promise<string[]> {
  const receiver = await startChild("bench/servers/receiver.ts");
  const server = await startChild("bench/servers/hexlink.ts", {
    BENCH_STORE: "memory",
    BENCH_CLICKS: "on",
    BENCH_HOOKED_URL: `http://127.0.0.1:${receiver.port}/hook`,
  });
  const rows: string[] = [];
  try {
    for (const { label, a, b } of PAIRS) {
      await cpuPerRequest(server, a); // warm-up of both sides
      await cpuPerRequest(server, b);
      const changes: number[] = [];
      const [as, bs]: [number[], number[]] = [[], []];
      for (let round = 0; round < ROUNDS; round++) {
        const first = await cpuPerRequest(server, a);
        const second = await cpuPerRequest(server, b);
        as.push(first);
        bs.push(second);
        changes.push((second / first - 1) * 100);
      }
      const pct = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}%`;
      rows.push(
        `| paired A/B, ${label} | ${pct(median(changes))} (rounds ${pct(Math.min(...changes))} to ${pct(Math.max(...changes))}); ${median(as).toFixed(1)} → ${median(bs).toFixed(1)} µs CPU per redirect |`,
      );
    }
    const got = (await (await fetch(`http://127.0.0.1:${receiver.port}/count`)).json()) as { clicks: number };
    rows.push(`| paired A/B: clicks.recorded items the receiver got | ${got.clicks} |`);
  } finally {
    await stopChild(server.child);
    await stopChild(receiver.child);
  }
  return rows;
}
