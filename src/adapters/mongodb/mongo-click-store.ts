import type { Collection } from "mongodb";
import type { ClickStore } from "../../application/ports/click-store.js";
import { type ClickIncrement, mergeIncrements } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import type { DayRange } from "../../domain/time/day.js";
import { writeClickBatch } from "./click-bulk-write.js";
import { type ClickDayDocument, countsFromDayDocuments } from "./click-day-document.js";
import { mongoCall } from "./mongo-call.js";

/**
 * Click counters in one document per link and UTC day, written by one unordered `bulkWrite` per batch. Each
 * document keeps per recorder source the highest batch sequence applied (and the last ids of batches named
 * otherwise) and takes no increment of a batch it has applied, so a retried batch counts once; unique
 * visitors are idempotent anyway. A flush reads the documents it writes to first, so that each dimension of
 * a link-day keeps at most the domain's `STORED_VALUES_PER_DIMENSION` named values (see `writeClickBatch`).
 * A deleted link leaves no tombstone: clicks of it flushed after its deletion
 * create its day documents again (unreachable through the API, but stored).
 */
export class MongoClickStore implements ClickStore {
  constructor(private readonly days: Collection<ClickDayDocument>) {}

  async add(increments: readonly ClickIncrement[], batchId: string): Promise<void> {
    if (increments.length === 0) return;
    // The guard is per batch and link-day: two increments of one link-day must go as one.
    const merged = mergeIncrements(increments);
    await mongoCall(() => writeClickBatch(this.days, merged, batchId));
  }

  async query(linkId: string, range: DayRange): Promise<ClickCounts> {
    const documents = await mongoCall(() =>
      this.days
        .find(
          { linkId: { $eq: linkId }, day: { $gte: range.start, $lte: range.end } },
          { projection: { batches: 0, seq: 0, distinct: 0 } },
        )
        .toArray(),
    );
    return countsFromDayDocuments(documents);
  }

  async deleteLink(linkId: string): Promise<void> {
    await mongoCall(() => this.days.deleteMany({ linkId: { $eq: linkId } }));
  }
}
