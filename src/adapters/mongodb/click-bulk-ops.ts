import type { AnyBulkWriteOperation } from "mongodb";
import type { ClickIncrement } from "../../domain/click/click.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { encodeDimensionKey } from "./dimension-key.js";
import { VISITOR_CAP, visitorRegisters } from "./unique-visitors.js";

/** Batch ids a link-day document remembers, newest last: a retry of an older batch would count again. */
export const BATCHES_KEPT = 50;

/**
 * The operations of one batch, for one unordered `bulkWrite`: per increment an `$inc`/`$max` upsert of its
 * link-day document that only matches while the document's `batches` lack the batch id, and pushes it; then,
 * when it has visitors, an `$addToSet` (idempotent, so unguarded) that only applies below the cap.
 */
export function clickBulkOps(
  increments: readonly ClickIncrement[],
  batchId: string,
): AnyBulkWriteOperation<ClickDayDocument>[] {
  const operations: AnyBulkWriteOperation<ClickDayDocument>[] = [];
  for (const increment of increments) {
    const filter = { linkId: { $eq: increment.linkId }, day: { $eq: increment.day } };
    const counters: Record<string, number> = { clicks: increment.clicks, botClicks: increment.botClicks };
    for (const [dimension, values] of increment.dimensions) {
      for (const [value, count] of values)
        counters[`dimensions.${dimension}.${encodeDimensionKey(value)}`] = count;
    }
    const registers: Record<string, number> = {};
    for (const [index, rank] of visitorRegisters(increment.visitors)) registers[`registers.${index}`] = rank;
    const $push = { batches: { $each: [batchId], $slice: -BATCHES_KEPT } };
    const update =
      Object.keys(registers).length > 0
        ? { $inc: counters, $max: registers, $push }
        : { $inc: counters, $push };
    const guarded = { ...filter, batches: { $ne: batchId } };
    operations.push({ updateOne: { filter: guarded, update, upsert: true } });
    if (increment.visitors.size === 0) continue;
    // Adding at most VISITOR_CAP ids to a set still below the cap keeps it under twice the cap.
    const visitors = [...increment.visitors].slice(0, VISITOR_CAP);
    operations.push({
      updateOne: {
        filter: { ...filter, [`visitors.${VISITOR_CAP - 1}`]: { $exists: false } },
        update: { $addToSet: { visitors: { $each: visitors } } },
      },
    });
  }
  return operations;
}
