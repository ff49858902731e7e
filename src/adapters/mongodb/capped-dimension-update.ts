import { bucketKey, type ClickIncrement, OVERFLOW_VALUE } from "../../domain/click/click.js";
import { storedValue } from "../../domain/click/stored-value.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { encodeDimensionKey } from "./dimension-key.js";

/** What a flush reads of a link-day document before writing to it. */
export type StoredDay = Pick<ClickDayDocument, "dimensions" | "distinct" | "seq" | "batches">;

const OVERFLOW_KEY = encodeDimensionKey(OVERFLOW_VALUE);

/** The part of an increment's update that counts its dimension values, under the cap on stored values. */
export interface CappedDimensionUpdate {
  /** `dimensions.<dimension>.<key>` → clicks, for `$inc`. */
  readonly counters: Record<string, number>;
  /** `distinct.<dimension>` → the number of named values after this update, for `$set`. */
  readonly distinct: Record<string, number>;
  /** Per dimension gaining named values: its `distinct` count must still be the one read. */
  readonly filter: Record<string, unknown>;
}

/**
 * Counts an increment's dimension values into the link-day document as read (`stored`, undefined when
 * absent) by the domain's `storedValue`: a value the document lacks gets a field only while the dimension
 * holds fewer named values than the cap, in the increment's order, else its clicks go to `Other`. A
 * dimension gaining named values sets `distinct.<dimension>` to their new number and only matches while it
 * is still what was read: named values are only ever added under that guard, so a concurrent writer that
 * added some makes this update miss (and be read and built again) rather than pass the cap.
 */
export function cappedDimensionUpdate(
  increment: ClickIncrement,
  stored: StoredDay | undefined,
): CappedDimensionUpdate {
  const counters: Record<string, number> = {};
  const distinct: Record<string, number> = {};
  const filter: Record<string, unknown> = {};
  for (const [dimension, values] of increment.dimensions) {
    const held = new Set(Object.keys(stored?.dimensions?.[dimension] ?? {}));
    const named = held.size - (held.has(OVERFLOW_KEY) ? 1 : 0);
    let added = 0;
    for (const [value, count] of values) {
      const key = encodeDimensionKey(value);
      const into = storedValue(value, held.has(key), named + added);
      if (into !== OVERFLOW_VALUE && !held.has(key)) {
        held.add(key);
        added += 1;
      }
      const field = `dimensions.${dimension}.${encodeDimensionKey(into)}`;
      counters[field] = (counters[field] ?? 0) + count;
    }
    if (added === 0) continue;
    const read = stored?.distinct?.[dimension];
    filter[`distinct.${dimension}`] = read === undefined ? { $exists: false } : { $eq: read };
    distinct[`distinct.${dimension}`] = named + added;
  }
  return { counters, distinct, filter };
}

/** The documents read, by link and day. */
export type StoredDays = ReadonlyMap<string, StoredDay>;

/** Link-day documents as {@link StoredDays}. */
export function storedDaysOf(documents: Iterable<ClickDayDocument>): StoredDays {
  return new Map([...documents].map((document) => [bucketKey(document.linkId, document.day), document]));
}
