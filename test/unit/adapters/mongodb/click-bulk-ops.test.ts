import fc from "fast-check";
import { BSON } from "mongodb";
import { describe, expect, it } from "vitest";
import { clickBulkOps } from "../../../../src/adapters/mongodb/click-bulk-ops.js";
import {
  type ClickDayDocument,
  countsFromDayDocuments,
} from "../../../../src/adapters/mongodb/click-day-document.js";
import { VISITOR_CAP } from "../../../../src/adapters/mongodb/unique-visitors.js";
import { type ClassifiedClick, foldClicks } from "../../../../src/domain/click/click.js";
import { countsFromIncrements } from "../../../../src/domain/click/click-counts.js";
import { applyBulkOps } from "./apply-bulk-ops.js";
import { arbClick } from "./arbitraries.js";

const RANGE = { start: "2026-03-01", end: "2026-03-31" };

const click = (changes: Partial<ClassifiedClick> = {}): ClassifiedClick => ({
  linkId: "lnk_a",
  day: "2026-03-15",
  bot: false,
  device: "Mobile",
  os: "iOS",
  browser: "Safari",
  country: "FR",
  referrer: "m.facebook.com",
  visitor: "v1",
  ...changes,
});

/** Flushes batches of clicks into documents, one fold and one bulk write per batch. */
function flush(batches: readonly (readonly ClassifiedClick[])[]): ClickDayDocument[] {
  const documents: ClickDayDocument[] = [];
  for (const batch of batches) applyBulkOps(documents, clickBulkOps(foldClicks(batch)));
  return documents;
}

describe("click bulk operations", () => {
  it("upsert one link-day document with $inc, $max and a capped $addToSet, matching with $eq", () => {
    const [upsert, visitors] = clickBulkOps(foldClicks([click(), click({ bot: true })]));
    const filter = { linkId: { $eq: "lnk_a" }, day: { $eq: "2026-03-15" } };
    expect(upsert).toEqual({
      updateOne: {
        filter,
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
        },
        upsert: true,
      },
    });
    expect(visitors).toEqual({
      updateOne: {
        filter: { ...filter, [`visitors.${VISITOR_CAP - 1}`]: { $exists: false } },
        update: { $addToSet: { visitors: { $each: ["v1"] } } },
      },
    });
  });

  it("write no visitor operation for a batch of bots only", () => {
    const operations = clickBulkOps(foldClicks([click({ bot: true })]));
    expect(operations).toHaveLength(1);
    expect(operations[0]).toEqual({
      updateOne: expect.objectContaining({ update: { $inc: { clicks: 0, botClicks: 1 } } }),
    });
  });

  it("add up to the counts of the fold, for any clicks in any batches, read back through BSON", () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbClick, { maxLength: 30 }), { maxLength: 4 }), (batches) => {
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

  it("keep a day's visitor ids bounded and estimate uniques past the cap", () => {
    const visitors = Array.from({ length: 3 * VISITOR_CAP }, (_, index) => `visitor-${index}`);
    const batches = [visitors.slice(0, 10), visitors.slice(10)].map((batch) =>
      batch.map((visitor) => click({ visitor })),
    );
    const documents = flush(batches);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.visitors?.length).toBeLessThan(2 * VISITOR_CAP);
    const { uniqueClicks } = countsFromDayDocuments(documents);
    expect(Math.abs(uniqueClicks - visitors.length) / visitors.length).toBeLessThan(0.07);
  });

  it("count a visitor of several days once over the range while under the cap", () => {
    const days = ["2026-03-14", "2026-03-15", "2026-03-16"];
    const documents = flush([days.map((day) => click({ day, visitor: "same" }))]);
    expect(countsFromDayDocuments(documents).uniqueClicks).toBe(1);
  });
});
