import { type BenchChild, startChild, stopChild } from "./children.js";
import { load } from "./load.js";
import { CONNECTIONS, compare } from "./redirects.js";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);

interface Counts {
  readonly messages: number;
  readonly clicks: number;
}

async function counts(receiver: BenchChild): Promise<Counts> {
  const response = await fetch(`http://127.0.0.1:${receiver.port}/count`);
  return (await response.json()) as Counts;
}

/**
 * Redirects of a memory server whose every human click goes out as `clicks.recorded` webhooks to a local
 * receiver (another process), against the same server without webhooks, each as a ratio to bare node:http in
 * the same run; then how many items per second the receiver got during a load, and how long the outbox took
 * to catch up after it.
 */
export async function webhookRows(bare: BenchChild): Promise<{ rows: string[]; checks: string[] }> {
  const receiver = await startChild("bench/servers/receiver.ts");
  const plain = await startChild("bench/servers/hexlink.ts", { BENCH_STORE: "memory", BENCH_CLICKS: "on" });
  const hooked = await startChild("bench/servers/hexlink.ts", {
    BENCH_STORE: "memory",
    BENCH_CLICKS: "on",
    BENCH_WEBHOOK_URL: `http://127.0.0.1:${receiver.port}/hook`,
  });
  // The same webhook with its messages queued but not delivered: what the redirect process pays for the
  // events alone, were delivery done elsewhere.
  const queued = await startChild("bench/servers/hexlink.ts", {
    BENCH_STORE: "memory",
    BENCH_CLICKS: "on",
    BENCH_WEBHOOK_URL: `http://127.0.0.1:${receiver.port}/hook`,
    BENCH_WEBHOOK_NO_DELIVERY: "1",
  });
  try {
    const rows = [
      await compare("hexlink redirect, memory, clicks on (no webhook)", bare, plain),
      await compare(
        "hexlink redirect, memory, clicks on, clicks.recorded webhook queued, not delivered here",
        bare,
        queued,
      ),
      await compare(
        "hexlink redirect, memory, clicks on, clicks.recorded webhook to a local receiver",
        bare,
        hooked,
      ),
    ];
    const before = await counts(receiver);
    const started = performance.now();
    const figures = await load(`http://127.0.0.1:${hooked.port}/bench`, DURATION_S, CONNECTIONS);
    const loadEnded = performance.now();
    const duringLoad = (await counts(receiver)).clicks - before.clicks;
    // The clicks of the load's last flush, and of messages still in the outbox, arrive after it.
    let after = await counts(receiver);
    const deadline = performance.now() + 30_000;
    while (after.clicks - before.clicks < figures.requests && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await counts(receiver);
    }
    const caughtUp = performance.now();
    const delivered = after.clicks - before.clicks;
    const checks = [
      `webhooks: ${figures.requests} redirects in ${DURATION_S} s (${Math.round(figures.rps)}/s); the receiver got ` +
        `${duringLoad} clicks.recorded items during the load (${Math.round(duringLoad / ((loadEnded - started) / 1000))}/s), ` +
        `${delivered} in all (${after.messages - before.messages} messages), the last ${Math.round(caughtUp - loadEnded)} ms after the load ended`,
    ];
    return { rows, checks };
  } finally {
    for (const child of [hooked, queued, plain, receiver]) await stopChild(child.child);
  }
}
