import type { Collection } from "mongodb";
import type { ClickStore } from "../../application/ports/click-store.js";
import type { ClickIncrement } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import type { DayRange } from "../../domain/time/day.js";
import { clickBulkOps } from "./click-bulk-ops.js";
import { type ClickDayDocument, countsFromDayDocuments } from "./click-day-document.js";
import { mongoCall } from "./mongo-call.js";

/**
 * Click counters in one document per link and UTC day, written by one ordered `bulkWrite` per flush.
 * A retry after a partial failure counts the increments applied before the failure twice; unique
 * visitors are idempotent (`$addToSet`, `$max`) and never count twice.
 */
export class MongoClickStore implements ClickStore {
  constructor(private readonly days: Collection<ClickDayDocument>) {}

  async add(increments: readonly ClickIncrement[]): Promise<void> {
    if (increments.length === 0) return;
    await mongoCall(() => this.days.bulkWrite(clickBulkOps(increments), { ordered: true }));
  }

  async query(linkId: string, range: DayRange): Promise<ClickCounts> {
    const documents = await mongoCall(() =>
      this.days.find({ linkId: { $eq: linkId }, day: { $gte: range.start, $lte: range.end } }).toArray(),
    );
    return countsFromDayDocuments(documents);
  }

  async deleteLink(linkId: string): Promise<void> {
    await mongoCall(() => this.days.deleteMany({ linkId: { $eq: linkId } }));
  }
}
