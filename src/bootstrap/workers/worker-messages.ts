import type { MetricsSnapshot } from "../../adapters/express/metrics/hexlink-metrics.js";

/**
 * The environment variable a primary sets on the workers it forks, to its own pid: a process that finds its
 * parent's pid there is one of hexlink's workers (not, say, a pm2 cluster worker, which runs as a single server).
 */
export const PRIMARY_PID_VARIABLE = "HEXLINK_CLUSTER_PRIMARY";

/** True in a worker that a hexlink primary forked: its parent's pid is in {@link PRIMARY_PID_VARIABLE}. */
export function isHexlinkWorker(env: NodeJS.ProcessEnv): boolean {
  return env[PRIMARY_PID_VARIABLE] === String(process.ppid);
}

/** What a worker tells its primary. */
export type WorkerMessage =
  /** Serving: connections may come. */
  | { readonly hexlink: "ready" }
  /** A `/metrics` request arrived: the whole server's metrics, please. */
  | { readonly hexlink: "scrape"; readonly id: number }
  /** This worker's metrics, answering the primary's `collect` request `id`. */
  | { readonly hexlink: "snapshot"; readonly id: number; readonly metrics: MetricsSnapshot };

/** What a primary tells a worker. */
export type PrimaryMessage =
  /** Send your metrics. */
  | { readonly hexlink: "collect"; readonly id: number }
  /** The whole server's metrics (or why there are none), answering the worker's `scrape` request `id`. */
  | { readonly hexlink: "scraped"; readonly id: number; readonly text?: string; readonly error?: string };

type ClusterMessage = WorkerMessage | PrimaryMessage;

/**
 * True when an IPC message is hexlink's message of that kind with a numeric id where it has one. Other
 * messages (Node's own, prom-client's, an embedder's) pass by.
 */
export function isMessage<K extends ClusterMessage["hexlink"]>(
  message: unknown,
  kind: K,
): message is Extract<ClusterMessage, { readonly hexlink: K }> {
  if (typeof message !== "object" || message === null) return false;
  if (!("hexlink" in message) || message.hexlink !== kind) return false;
  return kind === "ready" || ("id" in message && typeof message.id === "number");
}
