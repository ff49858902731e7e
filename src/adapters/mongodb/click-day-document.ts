import { COUNTED_DIMENSIONS, type CountedDimension } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import type { Day } from "../../domain/time/day.js";
import { decodeDimensionKey } from "./dimension-key.js";
import { estimateVisitors, mergeRegisters, VISITOR_CAP } from "./unique-visitors.js";

/** The counters of one link on one UTC day, in the `click_days` collection (unique on linkId + day). */
export interface ClickDayDocument {
  linkId: string;
  day: Day;
  clicks: number;
  botClicks: number;
  /** Per dimension, human clicks per value; values are field names encoded by `encodeDimensionKey`. */
  dimensions?: Partial<Record<CountedDimension, Record<string, number>>>;
  /**
   * Per dimension, how many named values (all but `Other`) `dimensions` holds: at most the domain's
   * `STORED_VALUES_PER_DIMENSION`; a write adding named values is guarded on it (absent in documents
   * written before the cap, whose values are then counted).
   */
  distinct?: Partial<Record<CountedDimension, number>>;
  /** Distinct visitor ids, exact while fewer than `VISITOR_CAP`. */
  visitors?: string[];
  /** HyperLogLog registers of every visitor of the day: register index → rank. */
  registers?: Record<string, number>;
  /** Per recorder source (encoded as a dimension key), the highest batch sequence applied. */
  seq?: Record<string, number>;
  /** Ids of the last batches applied that are not `<source>.<sequence>`, so a retry is not counted again. */
  batches?: string[];
}

/** What the store answers for the day documents of one link over a range. */
export function countsFromDayDocuments(documents: Iterable<ClickDayDocument>): ClickCounts {
  const days = new Map<Day, { clicks: number; botClicks: number }>();
  const dimensions = new Map<CountedDimension, Map<string, number>>();
  const visitors = new Set<string>();
  const registers = new Map<number, number>();
  let exact = true;
  for (const document of documents) {
    const day = days.get(document.day) ?? { clicks: 0, botClicks: 0 };
    day.clicks += document.clicks;
    day.botClicks += document.botClicks;
    days.set(document.day, day);
    for (const dimension of COUNTED_DIMENSIONS) {
      const values = document.dimensions?.[dimension];
      if (values === undefined) continue;
      const into = dimensions.get(dimension) ?? new Map<string, number>();
      for (const [key, count] of Object.entries(values)) {
        const value = decodeDimensionKey(key);
        into.set(value, (into.get(value) ?? 0) + count);
      }
      dimensions.set(dimension, into);
    }
    for (const visitor of document.visitors ?? []) visitors.add(visitor);
    if ((document.visitors?.length ?? 0) >= VISITOR_CAP) exact = false;
    const stored = Object.entries(document.registers ?? {});
    mergeRegisters(
      registers,
      stored.map(([index, rank]): [number, number] => [Number(index), rank]),
    );
  }
  const uniqueClicks = exact ? visitors.size : Math.max(visitors.size, estimateVisitors(registers));
  return { days, dimensions, uniqueClicks };
}
