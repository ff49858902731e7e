import {
  type AnyBulkWriteOperation,
  type BulkWriteResult,
  type Collection,
  MongoBulkWriteError,
  MongoServerError,
  type WriteError,
} from "mongodb";
import { describe, expect, it } from "vitest";
import { clickBulkOps } from "../../../../src/adapters/mongodb/click-bulk-ops.js";
import { duplicateKeyIndexes, writeClickBatch } from "../../../../src/adapters/mongodb/click-bulk-write.js";
import type { ClickDayDocument } from "../../../../src/adapters/mongodb/click-day-document.js";
import { foldClicks } from "../../../../src/domain/click/click.js";
import { aClick } from "./a-click.js";
import { applyBulkOps } from "./apply-bulk-ops.js";

type Operations = AnyBulkWriteOperation<ClickDayDocument>[];

const click = (linkId: string) => aClick({ linkId, referrer: "Direct" });

function bulkError(codes: readonly number[], writeConcernError = false): MongoBulkWriteError {
  // The driver's WriteError is a type only; what the store reads of it is its index and code.
  const writeErrors = codes.map((code, index) => ({ index, code })) as unknown as WriteError[];
  const result = { getWriteConcernError: () => (writeConcernError ? { code: 64 } : undefined) };
  return new MongoBulkWriteError(
    { message: "write failed", code: codes[0] ?? 0, writeErrors },
    result as unknown as BulkWriteResult,
  );
}

/** A collection held in memory; `before` runs ahead of each bulk write and may throw instead of it. */
function collection(documents: ClickDayDocument[], before: (call: number, operations: Operations) => void) {
  const calls: Operations[] = [];
  const fake = {
    async bulkWrite(operations: Operations, options: { ordered: boolean }) {
      expect(options).toEqual({ ordered: false });
      calls.push(operations);
      before(calls.length, operations);
      const refused = applyBulkOps(documents, operations);
      if (refused.length > 0) throw bulkError(refused.map(() => 11000));
    },
  };
  return { days: fake as unknown as Collection<ClickDayDocument>, calls };
}

describe("writeClickBatch", () => {
  it("takes a batch the documents hold already as applied, after one more try of the refused upserts", async () => {
    const documents: ClickDayDocument[] = [];
    const operations = clickBulkOps(foldClicks([click("lnk_a"), click("lnk_b")]), "b1");
    applyBulkOps(documents, operations);
    const once = structuredClone(documents);
    const { days, calls } = collection(documents, () => {});
    await writeClickBatch(days, operations);
    expect(documents).toEqual(once);
    expect(calls.map((call) => call.length)).toEqual([4, 2]);
  });

  it("counts a batch whose upsert lost the race to create the document to another writer", async () => {
    const documents: ClickDayDocument[] = [];
    const { days, calls } = collection(documents, (call) => {
      if (call !== 1) return;
      // Another instance creates the document between our match and our insert.
      applyBulkOps(documents, clickBulkOps(foldClicks([click("lnk_a")]), "other"));
      throw bulkError([11000]);
    });
    await writeClickBatch(days, clickBulkOps(foldClicks([click("lnk_a")]), "mine"));
    expect(calls).toHaveLength(2);
    expect(documents.map(({ clicks, batches }) => ({ clicks, batches }))).toEqual([
      { clicks: 2, batches: ["other", "mine"] },
    ]);
  });

  it("rejects on any other failure", async () => {
    const failure = new MongoServerError({ message: "not primary", code: 10107 });
    const { days } = collection([], () => {
      throw failure;
    });
    await expect(writeClickBatch(days, clickBulkOps(foldClicks([click("lnk_a")]), "b1"))).rejects.toBe(
      failure,
    );
  });

  it("takes a sequenced batch the documents have applied as applied, and counts a later one", async () => {
    const documents: ClickDayDocument[] = [];
    applyBulkOps(documents, clickBulkOps(foldClicks([click("lnk_a")]), "node.1"));
    const { days, calls } = collection(documents, () => {});
    await writeClickBatch(days, clickBulkOps(foldClicks([click("lnk_a")]), "node.1"));
    expect(calls.map((call) => call.length)).toEqual([2, 1]);
    await writeClickBatch(days, clickBulkOps(foldClicks([click("lnk_a")]), "node.2"));
    expect(documents.map(({ clicks, seq }) => ({ clicks, seq }))).toEqual([{ clicks: 2, seq: { node: 2 } }]);
  });
});

describe("duplicateKeyIndexes", () => {
  it("names the operations refused with a duplicate key", () => {
    expect(duplicateKeyIndexes(bulkError([11000, 11000]))).toEqual(new Set([0, 1]));
  });

  it("is null when any other error is among them, with a write concern error, or for other errors", () => {
    expect(duplicateKeyIndexes(bulkError([11000, 13]))).toBeNull();
    expect(duplicateKeyIndexes(bulkError([11000], true))).toBeNull();
    expect(duplicateKeyIndexes(bulkError([]))).toBeNull();
    expect(duplicateKeyIndexes(new MongoServerError({ message: "E11000", code: 11000 }))).toBeNull();
  });
});
