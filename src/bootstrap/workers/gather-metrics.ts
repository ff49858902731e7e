import type { Worker } from "node:cluster";
import { aggregateMetrics } from "../../adapters/express/metrics/aggregate-metrics.js";
import type { MetricsSnapshot } from "../../adapters/express/metrics/hexlink-metrics.js";
import type { PrimaryMessage } from "./worker-messages.js";

/** How long the primary waits for the workers' metrics; a worker slower than that is left out of the sum. */
const COLLECT_TIMEOUT_MS = 2_000;

/** One round of collection: the workers still to answer and what came in. */
interface Round {
  readonly pending: Set<number>;
  readonly snapshots: MetricsSnapshot[];
  readonly done: () => void;
}

/** The primary's side of `/metrics`: collects every ready worker's metrics and answers the asking worker. */
export interface MetricsGatherer {
  /** Answers worker `asker`'s scrape `id` with the sum of every ready worker's metrics. */
  answer(asker: Worker, id: number): Promise<void>;
  /** Worker `from` sent its metrics for round `id`. */
  collected(from: Worker, id: number, snapshot: MetricsSnapshot): void;
  /** A worker exited: no round waits for it any more. */
  gone(worker: Worker): void;
}

/**
 * Aggregation through the primary, with its own messages rather than prom-client's `clusterMetrics()`: that
 * one asks every connected worker, a replacement still starting included, which has no listener yet and so
 * fails the whole scrape after 5 s; here only workers that said they are ready are asked, and a worker that
 * dies or stalls mid-round is left out instead of failing the answer.
 */
export function gatherMetrics(readyWorkers: () => readonly Worker[]): MetricsGatherer {
  const rounds = new Map<number, Round>();
  let sequence = 0;
  const settle = (id: number) => {
    const round = rounds.get(id);
    if (round !== undefined && round.pending.size === 0) {
      rounds.delete(id);
      round.done();
    }
  };
  return {
    async answer(asker, id) {
      const round = ++sequence;
      const workers = readyWorkers().filter((worker) => worker.isConnected());
      const snapshots: MetricsSnapshot[] = [];
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          rounds.delete(round);
          resolve();
        }, COLLECT_TIMEOUT_MS);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        rounds.set(round, { pending: new Set(workers.map((worker) => worker.id)), snapshots, done });
        for (const worker of workers) send(worker, { hexlink: "collect", id: round });
        settle(round);
      });
      const reply: PrimaryMessage =
        snapshots.length === 0
          ? { hexlink: "scraped", id, error: "no worker answered" }
          : await aggregateMetrics(snapshots).then(
              (text): PrimaryMessage => ({ hexlink: "scraped", id, text }),
              (error: unknown): PrimaryMessage => ({ hexlink: "scraped", id, error: String(error) }),
            );
      send(asker, reply);
    },
    collected(from, id, snapshot) {
      const round = rounds.get(id);
      if (round === undefined || !round.pending.delete(from.id)) return;
      round.snapshots.push(snapshot);
      settle(id);
    },
    gone(worker) {
      for (const [id, round] of rounds) if (round.pending.delete(worker.id)) settle(id);
    },
  };
}

/** Sends to a worker, ignoring a channel that closed meanwhile (the worker died: its exit is handled). */
function send(worker: Worker, message: PrimaryMessage): void {
  if (worker.isConnected()) worker.send(message, undefined, () => {});
}
