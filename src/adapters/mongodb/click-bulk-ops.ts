import type { AnyBulkWriteOperation } from "mongodb";
import { bucketKey, type ClickIncrement } from "../../domain/click/click.js";
import { cappedDimensionUpdate, type StoredDay, type StoredDays } from "./capped-dimension-update.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { encodeDimensionKey } from "./dimension-key.js";
import { VISITOR_CAP, visitorRegisters } from "./unique-visitors.js";

/**
 * Ids of another form than `<source>.<sequence>` a link-day document remembers, newest last: a retry of an
 * older one would count again.
 */
export const BATCHES_KEPT = 50;

const SEQUENCED = /^(.+)\.([0-9a-z]{1,10})$/;

/**
 * The guard of a batch in a link-day document. An id `<source>.<sequence>` (base 36; the recorder's, which
 * never sends a later batch of a source before an earlier one was accepted or given up) is a high-water mark:
 * the document's `seq.<source>` (encoded as a dimension key) holds the highest sequence applied, and the
 * increment only matches below it, however many batches other sources wrote meanwhile. Any other id is
 * remembered among the document's last {@link BATCHES_KEPT} `batches`.
 */
function batchGuard(batchId: string): {
  readonly filter: Record<string, unknown>;
  readonly max: Record<string, number>;
  readonly push?: { batches: { $each: string[]; $slice: number } };
} {
  const sequenced = SEQUENCED.exec(batchId);
  if (sequenced?.[1] !== undefined && sequenced[2] !== undefined) {
    const field = `seq.${encodeDimensionKey(sequenced[1])}`;
    const sequence = Number.parseInt(sequenced[2], 36);
    return { filter: { [field]: { $not: { $gte: sequence } } }, max: { [field]: sequence } };
  }
  return {
    filter: { batches: { $ne: batchId } },
    max: {},
    push: { batches: { $each: [batchId], $slice: -BATCHES_KEPT } },
  };
}

/** Whether a link-day document as read has applied the batch already (its guard would miss it). */
export function holdsBatch(stored: StoredDay | undefined, batchId: string): boolean {
  const sequenced = SEQUENCED.exec(batchId);
  if (sequenced?.[1] !== undefined && sequenced[2] !== undefined) {
    const applied = stored?.seq?.[encodeDimensionKey(sequenced[1])];
    return applied !== undefined && applied >= Number.parseInt(sequenced[2], 36);
  }
  return stored?.batches?.includes(batchId) ?? false;
}

/**
 * The operations of one batch (at most one increment per link and day), for one unordered `bulkWrite`: per
 * increment an `$inc`/`$max` upsert of its link-day document that only matches while the document has not
 * applied the batch (see {@link batchGuard}) nor gained named values since `stored` was read (see
 * {@link cappedDimensionUpdate}), and marks it applied; then, when it has visitors, an `$addToSet` upsert
 * (idempotent, so unguarded) that only applies below the cap. Neither relies on running first.
 */
export function clickBulkOps(
  increments: readonly ClickIncrement[],
  batchId: string,
  stored: StoredDays = new Map(),
): AnyBulkWriteOperation<ClickDayDocument>[] {
  const operations: AnyBulkWriteOperation<ClickDayDocument>[] = [];
  const guard = batchGuard(batchId);
  for (const increment of increments) {
    const filter = { linkId: { $eq: increment.linkId }, day: { $eq: increment.day } };
    const capped = cappedDimensionUpdate(increment, stored.get(bucketKey(increment.linkId, increment.day)));
    const counters = { clicks: increment.clicks, botClicks: increment.botClicks, ...capped.counters };
    const $max: Record<string, number> = { ...guard.max };
    for (const [index, rank] of visitorRegisters(increment.visitors)) $max[`registers.${index}`] = rank;
    const update = {
      $inc: counters,
      ...(Object.keys($max).length > 0 ? { $max } : {}),
      ...(Object.keys(capped.distinct).length > 0 ? { $set: capped.distinct } : {}),
      ...(guard.push === undefined ? {} : { $push: guard.push }),
    };
    const guarded = { ...filter, ...guard.filter, ...capped.filter };
    operations.push({ updateOne: { filter: guarded, update, upsert: true } });
    if (increment.visitors.size === 0) continue;
    // Adding at most VISITOR_CAP ids to a set still below the cap keeps it under twice the cap.
    const visitors = [...increment.visitors].slice(0, VISITOR_CAP);
    // An upsert too: an unordered bulk write may run it before the increment's upsert creates the document.
    // Refused as a duplicate key, the document exists at the cap, where visitors are no longer kept.
    operations.push({
      updateOne: {
        filter: { ...filter, [`visitors.${VISITOR_CAP - 1}`]: { $exists: false } },
        update: { $addToSet: { visitors: { $each: visitors } }, $setOnInsert: { clicks: 0, botClicks: 0 } },
        upsert: true,
      },
    });
  }
  return operations;
}
