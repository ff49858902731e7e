import { type AnyBulkWriteOperation, type Collection, MongoBulkWriteError } from "mongodb";
import type { ClickDayDocument } from "./click-day-document.js";
import { DUPLICATE_KEY } from "./mongo-errors.js";

type ClickOperation = AnyBulkWriteOperation<ClickDayDocument>;

/**
 * Runs the operations of one batch in an unordered `bulkWrite`. A guarded upsert refused with a duplicate key
 * found its link-day document without matching it: it holds the batch already, or another writer created it
 * a moment before. The refused ones run once more; refused again, the document holds the batch.
 */
export async function writeClickBatch(
  days: Collection<ClickDayDocument>,
  operations: readonly ClickOperation[],
): Promise<void> {
  const refused = await bulkWriteRefusals(days, operations);
  if (refused.length > 0) await bulkWriteRefusals(days, refused);
}

async function bulkWriteRefusals(
  days: Collection<ClickDayDocument>,
  operations: readonly ClickOperation[],
): Promise<ClickOperation[]> {
  try {
    await days.bulkWrite([...operations], { ordered: false });
    return [];
  } catch (error) {
    const indexes = duplicateKeyIndexes(error);
    if (indexes === null) throw error;
    return operations.filter((_, index) => indexes.has(index));
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
