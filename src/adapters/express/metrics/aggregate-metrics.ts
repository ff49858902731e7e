import { AggregatorRegistry, Registry } from "prom-client";
import type { MetricsSnapshot } from "./hexlink-metrics.js";

/**
 * The Prometheus text of a whole server from its workers' snapshots, added up by prom-client's cluster
 * aggregation: counters and histograms summed, each default metric by its own rule (e.g. event-loop lag averaged).
 */
export async function aggregateMetrics(snapshots: readonly MetricsSnapshot[]): Promise<string> {
  return AggregatorRegistry.aggregate([...snapshots]).metrics();
}

/** The content type of {@link aggregateMetrics}' text, the same as a single process's `/metrics`. */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
