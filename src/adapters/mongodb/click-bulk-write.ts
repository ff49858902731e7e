import { type AnyBulkWriteOperation, type Collection, MongoBulkWriteError } from "mongodb";
import { bucketKey, type ClickIncrement } from "../../domain/click/click.js";
import { storedDaysOf } from "./capped-dimension-update.js";
import { clickBulkOps, holdsBatch } from "./click-bulk-ops.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { DUPLICATE_KEY } from "./mongo-errors.js";

type ClickOperation = AnyBulkWriteOperation<ClickDayDocument>;

/** Rounds of reading and writing one batch before its flush fails (and the recorder retries it later). */
export const WRITE_ROUNDS = 5;

/**
 * Writes one batch (at most one increment per link and day) in rounds: read the link-day documents it
 * touches, leave out those that hold the batch already, and run the operations built from what was read in
 * one unordered `bulkWrite`. A guarded upsert refused with a duplicate key found its document without
 * matching it: it holds the batch, another writer created it a moment before, or another writer added named
 * values since the read; the next round reads it again and tells which. A refused visitors' upsert runs once
 * more; refused again, the document is at its visitor cap. Past {@link WRITE_ROUNDS}, the flush fails.
 */
export async function writeClickBatch(
  days: Collection<ClickDayDocument>,
  increments: readonly ClickIncrement[],
  batchId: string,
): Promise<void> {
  let counting = [...increments];
  let visiting: ClickOperation[] = [];
  for (let round = 0; round < WRITE_ROUNDS; round += 1) {
    const stored = storedDaysOf(counting.length === 0 ? [] : await readDays(days, counting));
    const operations: ClickOperation[] = [];
    const owners: ClickIncrement[] = [];
    for (const increment of counting) {
      const [count, visitors] = clickBulkOps([increment], batchId, stored);
      const held = holdsBatch(stored.get(bucketKey(increment.linkId, increment.day)), batchId);
      // Visitors go in the first round even when the counts are held: a lost reply may have left them out.
      if (round === 0 && visitors !== undefined) visiting.push(visitors);
      if (held || count === undefined) continue;
      operations.push(count);
      owners.push(increment);
    }
    operations.push(...visiting);
    if (operations.length === 0) return;
    const refused = await bulkWriteRefusals(days, operations);
    counting = owners.filter((_, index) => refused.has(index));
    visiting =
      round === 0 ? operations.filter((_, index) => index >= owners.length && refused.has(index)) : [];
  }
  if (counting.length > 0) {
    throw new Error(`Click batch ${batchId}: link-day documents changed under it ${WRITE_ROUNDS} times.`);
  }
}

/** The link-day documents of the increments, with what a write needs of them. */
function readDays(
  days: Collection<ClickDayDocument>,
  increments: readonly ClickIncrement[],
): Promise<ClickDayDocument[]> {
  const filter = {
    $or: increments.map(({ linkId, day }) => ({ linkId: { $eq: linkId }, day: { $eq: day } })),
  };
  const projection = { linkId: 1, day: 1, dimensions: 1, distinct: 1, seq: 1, batches: 1 };
  return days.find(filter, { projection }).toArray();
}

async function bulkWriteRefusals(
  days: Collection<ClickDayDocument>,
  operations: readonly ClickOperation[],
): Promise<ReadonlySet<number>> {
  try {
    await days.bulkWrite([...operations], { ordered: false });
    return new Set();
  } catch (error) {
    const indexes = duplicateKeyIndexes(error);
    if (indexes === null) throw error;
    return indexes;
  }
}

/** The operations a bulk write refused with a duplicate key, or null when it failed in any other way. */
export function duplicateKeyIndexes(error: unknown): ReadonlySet<number> | null {
  if (!(error instanceof MongoBulkWriteError)) return null;
  if (error.result?.getWriteConcernError() !== undefined) return null;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) {
    return null;
  }
  return new Set(writeErrors.map((writeError) => writeError.index));
}
