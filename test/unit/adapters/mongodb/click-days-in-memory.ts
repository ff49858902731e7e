import {
  type AnyBulkWriteOperation,
  type BulkWriteResult,
  type Collection,
  MongoBulkWriteError,
  type WriteError,
} from "mongodb";
import type { ClickDayDocument } from "../../../../src/adapters/mongodb/click-day-document.js";
import { applyBulkOps } from "./apply-bulk-ops.js";

type Operations = AnyBulkWriteOperation<ClickDayDocument>[];
type Condition = { $eq?: string; $gte?: string; $lte?: string };
type DayFilter = { linkId: Condition; day: Condition };

/** A bulk write whose operations at these indexes failed with these codes, as the driver throws it. */
export function bulkError(
  failed: readonly { readonly index: number; readonly code: number }[],
  writeConcernError = false,
): MongoBulkWriteError {
  // The driver's WriteError is a type only; what the store reads of it is its index and code.
  const writeErrors = failed.map(({ index, code }) => ({ index, code })) as unknown as WriteError[];
  const result = { getWriteConcernError: () => (writeConcernError ? { code: 64 } : undefined) };
  return new MongoBulkWriteError(
    { message: "write failed", code: failed[0]?.code ?? 0, writeErrors },
    result as unknown as BulkWriteResult,
  );
}

function matchesDay(document: ClickDayDocument, { linkId, day }: DayFilter): boolean {
  if (linkId.$eq !== document.linkId) return false;
  if (day.$eq !== undefined) return day.$eq === document.day;
  return (day.$gte ?? "") <= document.day && document.day <= (day.$lte ?? "\uffff");
}

/**
 * The `click_days` collection held in memory, for what the click store asks of it: unordered bulk writes
 * (through {@link applyBulkOps}, refusals thrown as duplicate keys), finds by link and day (`$or` of them or
 * a day range) and deletes by link. `before` runs ahead of each bulk write and may change the documents, as
 * another writer would, or throw instead of it. Documents are copied in and out.
 */
export function clickDaysInMemory(
  documents: ClickDayDocument[] = [],
  before: (call: number, operations: Operations) => void = () => {},
) {
  const calls: Operations[] = [];
  const reads: number[] = [];
  const fake = {
    async bulkWrite(operations: Operations, options: { ordered: boolean }) {
      if (options.ordered !== false) throw new Error("click writes are unordered");
      calls.push(operations);
      before(calls.length, operations);
      const refused = applyBulkOps(documents, structuredClone(operations));
      if (refused.length > 0) throw bulkError(refused.map((index) => ({ index, code: 11000 })));
    },
    find(filter: DayFilter | { $or: DayFilter[] }) {
      const any = "$or" in filter ? filter.$or : [filter];
      reads.push(any.length);
      const found = documents.filter((document) => any.some((one) => matchesDay(document, one)));
      return { toArray: async () => structuredClone(found) };
    },
    async deleteMany({ linkId }: { linkId: Condition }) {
      const kept = documents.filter((document) => document.linkId !== linkId.$eq);
      documents.splice(0, documents.length, ...kept);
    },
  };
  return { days: fake as unknown as Collection<ClickDayDocument>, calls, reads, documents };
}
