import cluster from "node:cluster";
import type { HexlinkMetrics } from "../../adapters/express/metrics/hexlink-metrics.js";
import { isMessage, PRIMARY_PID_VARIABLE, type WorkerMessage } from "./worker-messages.js";

/** How long a worker's `/metrics` waits for the primary's sum of every worker before failing. */
const SCRAPE_TIMEOUT_MS = 5_000;

/** A worker's side of the cluster: its id, and what it tells its primary. */
export interface PrimaryLink {
  /** The cluster's id of this worker: 1, 2… in the order the primary forked them, replacements included. */
  readonly id: number;
  /** Tells the primary this worker serves. */
  ready(): void;
}

/**
 * Joins the primary that forked this worker: `/metrics` answers from the primary's sum of every worker, and
 * this worker's own metrics go to the primary whenever it collects.
 */
export function joinPrimary(metrics: HexlinkMetrics): PrimaryLink {
  if (!cluster.isWorker) throw new Error(`${PRIMARY_PID_VARIABLE} is set, but this is no cluster worker`);
  const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  let sequence = 0;
  process.on("message", (message: unknown) => {
    if (isMessage(message, "collect")) {
      void metrics
        .snapshot()
        .then((snapshot) => send({ hexlink: "snapshot", id: message.id, metrics: snapshot }))
        // A failed collection must not crash the worker (and lose its pending clicks): the primary's scrape
        // leaves this worker out after its timeout.
        .catch(() => undefined);
    } else if (isMessage(message, "scraped")) {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.text !== undefined) pending?.resolve(message.text);
      else pending?.reject(new Error(`metrics of the other workers: ${message.error ?? "no answer"}`));
    }
  });
  metrics.scrapeFrom(
    () =>
      new Promise<string>((resolve, reject) => {
        const id = ++sequence;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error("the primary did not answer with the metrics in time"));
        }, SCRAPE_TIMEOUT_MS);
        const settle =
          <T>(done: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            done(value);
          };
        waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
        if (!send({ hexlink: "scrape", id })) waiting.get(id)?.reject(new Error("the primary is gone"));
      }),
  );
  return { id: cluster.worker?.id ?? 0, ready: () => void send({ hexlink: "ready" }) };
}

/** Sends to the primary; false when the channel is closed (the primary is gone, or this worker is stopping). */
function send(message: WorkerMessage): boolean {
  if (process.send === undefined || !process.connected) return false;
  // The callback takes a late failure (the channel closed meanwhile) that would otherwise be an 'error' event.
  process.send(message, undefined, {}, () => {});
  return true;
}
