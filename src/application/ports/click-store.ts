import type { ClickIncrement } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import type { DayRange } from "../../domain/time/day.js";

/** Aggregated click counters per link and UTC day. */
export interface ClickStore {
  /**
   * Adds folded increments. A call that rejects is retried whole by the recorder, so adapters apply each
   * increment atomically and say in their docs what a retry after a partial failure can count twice.
   */
  add(increments: readonly ClickIncrement[]): Promise<void>;
  /** Counts for one link over an inclusive day range. */
  query(linkId: string, range: DayRange): Promise<ClickCounts>;
  /** Forgets every count of a link (when the link is deleted). */
  deleteLink(linkId: string): Promise<void>;
}
