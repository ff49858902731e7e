import fc from "fast-check";
import { BSON } from "mongodb";
import { describe, expect, it } from "vitest";
import { storedDaysOf } from "../../../../src/adapters/mongodb/capped-dimension-update.js";
import { BATCHES_KEPT, clickBulkOps } from "../../../../src/adapters/mongodb/click-bulk-ops.js";
import {
  type ClickDayDocument,
  countsFromDayDocuments,
} from "../../../../src/adapters/mongodb/click-day-document.js";
import { VISITOR_CAP } from "../../../../src/adapters/mongodb/unique-visitors.js";
import { type ClassifiedClick, DIMENSIONS, foldClicks } from "../../../../src/domain/click/click.js";
import { countsFromIncrements } from "../../../../src/domain/click/click-counts.js";
import { arbTrickyClick } from "../../../support/arbitraries.js";
import { aClick } from "./a-click.js";
import { applyBulkOps } from "./apply-bulk-ops.js";

const RANGE = { start: "2026-03-01", end: "2026-03-31" };
/** The guard of an increment whose every dimension gains named values on a day not read (none yet). */
// The dimensions aClick() stores: its target is the default, which no store keeps (the total less the others).
const STORED = DIMENSIONS.filter((name) => name !== "target");
const FRESH_DAY = Object.fromEntries(STORED.map((name) => [`distinct.${name}`, { $exists: false }]));

/** The operations of a batch of clicks, built from the documents as a flush reads them first. */
function opsOn(documents: readonly ClickDayDocument[], clicks: readonly ClassifiedClick[], batchId: string) {
  return clickBulkOps(foldClicks(clicks), batchId, storedDaysOf(documents));
}

/** Flushes batches of clicks into documents, one fold and one bulk write per batch, each its own id. */
function flush(batches: readonly (readonly ClassifiedClick[])[]): ClickDayDocument[] {
  const documents: ClickDayDocument[] = [];
  for (const [index, batch] of batches.entries()) {
    applyBulkOps(documents, opsOn(documents, batch, `b${index}`));
  }
  return documents;
}

describe("click bulk operations", () => {
  it("upsert one link-day document with $inc, $max and a capped $addToSet, matching with $eq", () => {
    const [upsert, visitors] = clickBulkOps(foldClicks([aClick(), aClick({ bot: true })]), "b1");
    const filter = { linkId: { $eq: "lnk_a" }, day: { $eq: "2026-03-15" } };
    expect(upsert).toEqual({
      updateOne: {
        filter: {
          ...filter,
          batches: { $ne: "b1" },
          ...FRESH_DAY,
        },
        update: {
          $inc: {
            clicks: 1,
            botClicks: 1,
            "dimensions.device.Mobile": 1,
            "dimensions.os.iOS": 1,
            "dimensions.browser.Safari": 1,
            "dimensions.country.FR": 1,
            "dimensions.referrer.m%2Efacebook%2Ecom": 1,
          },
          $max: expect.any(Object),
          $set: Object.fromEntries(STORED.map((name) => [`distinct.${name}`, 1])),
          $push: { batches: { $each: ["b1"], $slice: -BATCHES_KEPT } },
        },
        upsert: true,
      },
    });
    expect(visitors).toEqual({
      updateOne: {
        filter: { ...filter, [`visitors.${VISITOR_CAP - 1}`]: { $exists: false } },
        update: { $addToSet: { visitors: { $each: ["v1"] } }, $setOnInsert: { clicks: 0, botClicks: 0 } },
        upsert: true,
      },
    });
  });

  it("guard a recorder's batch <source>.<sequence> with a high-water mark per source, its name encoded", () => {
    const [upsert] = clickBulkOps(foldClicks([aClick()]), "Hq3.k$T.1a");
    expect(upsert).toEqual({
      updateOne: {
        filter: {
          linkId: { $eq: "lnk_a" },
          day: { $eq: "2026-03-15" },
          "seq.Hq3%2Ek%24T": { $not: { $gte: 46 } },
          ...FRESH_DAY,
        },
        update: {
          $inc: expect.any(Object),
          $max: expect.objectContaining({ "seq.Hq3%2Ek%24T": 46 }),
          $set: expect.any(Object),
        },
        upsert: true,
      },
    });
  });

  it("write no visitor operation for a batch of bots only", () => {
    const operations = clickBulkOps(foldClicks([aClick({ bot: true })]), "b1");
    expect(operations).toHaveLength(1);
    expect(operations[0]).toEqual({
      updateOne: expect.objectContaining({
        update: {
          $inc: { clicks: 0, botClicks: 1 },
          $push: { batches: { $each: ["b1"], $slice: -BATCHES_KEPT } },
        },
      }),
    });
  });

  it("add up to the counts of the fold, for any clicks in any batches, read back through BSON", () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbTrickyClick, { maxLength: 30 }), { maxLength: 4 }), (batches) => {
        const documents = flush(batches).map(
          (document) => BSON.deserialize(BSON.serialize(document)) as ClickDayDocument,
        );
        const increments = foldClicks(batches.flat());
        for (const linkId of ["lnk_a", "lnk_b"]) {
          const mine = documents.filter((document) => document.linkId === linkId);
          expect(countsFromDayDocuments(mine)).toEqual(countsFromIncrements(increments, linkId, RANGE));
        }
      }),
    );
  });

  it("count every visitor whatever order the unordered bulk write runs a batch's operations in", () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbTrickyClick, { maxLength: 30 }), { maxLength: 4 }), (batches) => {
        const documents: ClickDayDocument[] = [];
        for (const [index, batch] of batches.entries()) {
          // Last first: each visitor update before the upsert that creates its document; then, as
          // writeClickBatch does, the refused operations once more.
          const operations = opsOn(documents, batch, `b${index}`).reverse();
          const refused = applyBulkOps(documents, operations);
          applyBulkOps(
            documents,
            refused.flatMap((at) => operations.slice(at, at + 1)),
          );
        }
        const increments = foldClicks(batches.flat());
        for (const linkId of ["lnk_a", "lnk_b"]) {
          const mine = documents.filter((document) => document.linkId === linkId);
          expect(countsFromDayDocuments(mine)).toEqual(countsFromIncrements(increments, linkId, RANGE));
        }
      }),
    );
  });

  it("change nothing when the same batch comes again: its upserts are refused as duplicate keys", () => {
    fc.assert(
      fc.property(
        fc.array(arbTrickyClick, { maxLength: 30 }),
        fc.constantFrom("retried", "node.7"),
        (clicks, id) => {
          const documents = flush([clicks.slice(0, 3)]);
          const operations = opsOn(documents, clicks, id);
          applyBulkOps(documents, operations);
          const once = structuredClone(documents);
          const refused = applyBulkOps(documents, operations);
          expect(documents).toEqual(once);
          // The guarded upserts; the visitors' upserts match the document and add nothing new.
          const upserts = operations.flatMap((operation, index) =>
            "updateOne" in operation && "$inc" in operation.updateOne.update ? [index] : [],
          );
          expect(refused).toEqual(upserts);
        },
      ),
    );
  });

  it("count a batch with another id again", () => {
    const documents = flush([[aClick()], [aClick()]]);
    expect(documents.map(({ clicks, batches }) => ({ clicks, batches }))).toEqual([
      { clicks: 2, batches: ["b0", "b1"] },
    ]);
  });

  it("count a sequenced batch once however many batches other sources wrote before its retry", () => {
    const documents = flush([[aClick()]]);
    applyBulkOps(documents, opsOn(documents, [aClick()], "mine.1"));
    for (let source = 0; source < BATCHES_KEPT + 10; source += 1) {
      applyBulkOps(documents, opsOn(documents, [aClick()], `other-${source}.1`));
    }
    const refused = applyBulkOps(documents, opsOn(documents, [aClick()], "mine.1"));
    expect(refused).toEqual([0]);
    expect(documents[0]?.clicks).toBe(BATCHES_KEPT + 12);
    expect(documents[0]?.batches).toEqual(["b0"]);
    expect(documents[0]?.seq?.mine).toBe(1);
  });

  it("count a later sequence of a source, and never an earlier one again", () => {
    const documents: ClickDayDocument[] = [];
    for (const id of ["node.1", "node.2", "node.1", "node.a", "node.2"]) {
      applyBulkOps(documents, opsOn(documents, [aClick()], id));
    }
    expect(documents.map(({ clicks, seq }) => ({ clicks, seq }))).toEqual([{ clicks: 3, seq: { node: 10 } }]);
  });

  it("keep the ids of the last batches only", () => {
    const documents = flush(Array.from({ length: BATCHES_KEPT + 10 }, () => [aClick()]));
    const ids = Array.from({ length: BATCHES_KEPT }, (_, index) => `b${index + 10}`);
    expect(documents[0]?.batches).toEqual(ids);
    expect(documents[0]?.clicks).toBe(BATCHES_KEPT + 10);
  });

  it("keep a day's visitor ids bounded and estimate uniques past the cap", () => {
    const visitors = Array.from({ length: 3 * VISITOR_CAP }, (_, index) => `visitor-${index}`);
    const batches = [visitors.slice(0, 10), visitors.slice(10)].map((batch) =>
      batch.map((visitor) => aClick({ visitor })),
    );
    const documents = flush(batches);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.visitors?.length).toBeLessThan(2 * VISITOR_CAP);
    const { uniqueClicks } = countsFromDayDocuments(documents);
    expect(Math.abs(uniqueClicks - visitors.length) / visitors.length).toBeLessThan(0.07);
  });

  it("count a visitor of several days once over the range while under the cap", () => {
    const days = ["2026-03-14", "2026-03-15", "2026-03-16"];
    const documents = flush([days.map((day) => aClick({ day, visitor: "same" }))]);
    expect(countsFromDayDocuments(documents).uniqueClicks).toBe(1);
  });
});
