import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { storedDaysOf } from "../../../../src/adapters/mongodb/capped-dimension-update.js";
import { clickBulkOps } from "../../../../src/adapters/mongodb/click-bulk-ops.js";
import {
  duplicateKeyIndexes,
  WRITE_ROUNDS,
  writeClickBatch,
} from "../../../../src/adapters/mongodb/click-bulk-write.js";
import type { ClickDayDocument } from "../../../../src/adapters/mongodb/click-day-document.js";
import { MongoClickStore } from "../../../../src/adapters/mongodb/mongo-click-store.js";
import { type ClassifiedClick, foldClicks, OVERFLOW_VALUE } from "../../../../src/domain/click/click.js";
import { STORED_VALUES_PER_DIMENSION } from "../../../../src/domain/click/stored-value.js";
import { clickStoreContract } from "../../../../src/testing/contracts/click-store.contract.js";
import { aClick } from "./a-click.js";
import { applyBulkOps } from "./apply-bulk-ops.js";
import { bulkError, clickDaysInMemory } from "./click-days-in-memory.js";

const click = (linkId: string) => aClick({ linkId, referrer: "Direct" });
const codes = (...all: number[]) => all.map((code, index) => ({ index, code }));

/** Another writer's batch of clicks applied to the documents as it would read and write them. */
function otherWriter(documents: ClickDayDocument[], clicks: readonly ClassifiedClick[], batchId: string) {
  applyBulkOps(documents, clickBulkOps(foldClicks(clicks), batchId, storedDaysOf(documents)));
}

const referrers = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => aClick({ referrer: `r${from + index}.example` }));

describe("writeClickBatch", () => {
  it("reads a batch the documents hold already as applied and writes only its visitors again", async () => {
    const documents: ClickDayDocument[] = [];
    otherWriter(documents, [click("lnk_a"), click("lnk_b")], "b1");
    const once = structuredClone(documents);
    const { days, calls } = clickDaysInMemory(documents);
    await writeClickBatch(days, foldClicks([click("lnk_a"), click("lnk_b")]), "b1");
    expect(documents).toEqual(once);
    expect(calls.map((call) => call.length)).toEqual([2]);
  });

  it("counts a batch whose upsert lost the race to create the document to another writer", async () => {
    const { days, calls, documents } = clickDaysInMemory([], (call) => {
      // Another instance creates the document between our read and our write.
      if (call === 1) otherWriter(documents, [click("lnk_a")], "other");
    });
    await writeClickBatch(days, foldClicks([click("lnk_a")]), "mine");
    expect(calls).toHaveLength(2);
    expect(documents.map(({ clicks, batches }) => ({ clicks, batches }))).toEqual([
      { clicks: 2, batches: ["other", "mine"] },
    ]);
  });

  it("reads again when another writer added named values meanwhile, and keeps the cap", async () => {
    const { days, calls, documents } = clickDaysInMemory([], (call) => {
      if (call === 1) otherWriter(documents, referrers(0, STORED_VALUES_PER_DIMENSION - 5), "other.1");
    });
    await writeClickBatch(days, foldClicks(referrers(1000, 20)), "mine.1");
    expect(calls).toHaveLength(2);
    const stored = documents[0]?.dimensions?.referrer ?? {};
    expect(Object.keys(stored)).toHaveLength(STORED_VALUES_PER_DIMENSION + 1);
    expect(stored[OVERFLOW_VALUE]).toBe(15);
    expect(documents[0]?.distinct?.referrer).toBe(STORED_VALUES_PER_DIMENSION);
    expect(documents[0]?.clicks).toBe(STORED_VALUES_PER_DIMENSION - 5 + 20);
  });

  it("counts values of documents written before the cap, which have no distinct count", async () => {
    const documents: ClickDayDocument[] = [];
    otherWriter(documents, referrers(0, STORED_VALUES_PER_DIMENSION - 1), "old.1");
    for (const document of documents) delete document.distinct;
    const { days } = clickDaysInMemory(documents);
    await writeClickBatch(days, foldClicks(referrers(500, 3)), "new.1");
    expect(Object.keys(documents[0]?.dimensions?.referrer ?? {})).toHaveLength(
      STORED_VALUES_PER_DIMENSION + 1,
    );
    expect(documents[0]?.distinct?.referrer).toBe(STORED_VALUES_PER_DIMENSION);
  });

  it(`fails the flush when documents change under it ${WRITE_ROUNDS} times`, async () => {
    let other = 0;
    const { days, calls, documents } = clickDaysInMemory([], () => {
      other += 1;
      otherWriter(documents, referrers(other * 10, 1), `other.${other}`);
    });
    await expect(writeClickBatch(days, foldClicks(referrers(9000, 1)), "mine.1")).rejects.toThrow(/changed/);
    expect(calls).toHaveLength(WRITE_ROUNDS);
  });

  it("rejects on any other failure", async () => {
    const failure = new MongoServerError({ message: "not primary", code: 10107 });
    const { days } = clickDaysInMemory([], () => {
      throw failure;
    });
    await expect(writeClickBatch(days, foldClicks([click("lnk_a")]), "b1")).rejects.toBe(failure);
  });

  it("takes a sequenced batch the documents have applied as applied, and counts a later one", async () => {
    const { days, calls, documents } = clickDaysInMemory();
    await writeClickBatch(days, foldClicks([click("lnk_a")]), "node.1");
    await writeClickBatch(days, foldClicks([click("lnk_a")]), "node.1");
    expect(calls.map((call) => call.length)).toEqual([2, 1]);
    await writeClickBatch(days, foldClicks([click("lnk_a")]), "node.2");
    expect(documents.map(({ clicks, seq }) => ({ clicks, seq }))).toEqual([{ clicks: 2, seq: { node: 2 } }]);
  });
});

describe("duplicateKeyIndexes", () => {
  it("names the operations refused with a duplicate key", () => {
    expect(duplicateKeyIndexes(bulkError(codes(11000, 11000)))).toEqual(new Set([0, 1]));
  });

  it("is null when any other error is among them, with a write concern error, or for other errors", () => {
    expect(duplicateKeyIndexes(bulkError(codes(11000, 13)))).toBeNull();
    expect(duplicateKeyIndexes(bulkError(codes(11000), true))).toBeNull();
    expect(duplicateKeyIndexes(bulkError([]))).toBeNull();
    expect(duplicateKeyIndexes(new MongoServerError({ message: "E11000", code: 11000 }))).toBeNull();
  });
});

// The store's logic (read, cap, guarded upserts) against the contract and its fold oracle, on documents in
// memory; test/contract/mongodb.test.ts runs the same suite on a MongoDB server.
clickStoreContract("MongoClickStore on documents in memory", {
  make: async () => new MongoClickStore(clickDaysInMemory().days),
  approximateUniques: true,
  numRuns: 15,
});
