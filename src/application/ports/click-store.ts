import type { ClickIncrement } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import type { DayRange } from "../../domain/time/day.js";

/** Aggregated click counters per link and UTC day. */
export interface ClickStore {
  /**
   * Adds folded increments, each atomically. `batchId` names this batch; a retry of the same batch passes
   * the same id and the same increments, and the store applies each increment at most once per batch id
   * (for at least 24 hours). The recorder's ids are `<source>.<sequence>` (base 36, counting up) and it never
   * sends a later batch of a source before an earlier one was accepted (or given up for good, after too many
   * failures), so a store may keep only the highest sequence applied per source and link-day.
   */
  add(increments: readonly ClickIncrement[], batchId: string): Promise<void>;
  /** Counts for one link over an inclusive day range. */
  query(linkId: string, range: DayRange): Promise<ClickCounts>;
  /** Forgets every count of a link (when the link is deleted). */
  deleteLink(linkId: string): Promise<void>;
}
