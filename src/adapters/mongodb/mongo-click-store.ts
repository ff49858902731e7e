import type { Collection } from "mongodb";
import type { ClickStore } from "../../application/ports/click-store.js";
import { type ClickIncrement, mergeIncrements } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import { withScopes } from "../../domain/click/click-scope.js";
import type { DayRange } from "../../domain/time/day.js";
import { writeClickBatch } from "./click-bulk-write.js";
import { type ClickDayDocument, countsFromDayDocuments } from "./click-day-document.js";
import type { LinkDocument } from "./link-document.js";
import { mongoCall } from "./mongo-call.js";

/**
 * Click counters in one document per link and UTC day, written by one unordered `bulkWrite` per batch. Each
 * document keeps per recorder source the highest batch sequence applied (and the last ids of batches named
 * otherwise) and takes no increment of a batch it has applied, so a retried batch counts once; unique
 * visitors are idempotent anyway. A flush reads the documents it writes to first, so that each dimension of
 * a link-day keeps at most the domain's `STORED_VALUES_PER_DIMENSION` named values (see `writeClickBatch`).
 * Given the `links` collection (as `mongoStores` does), a flush drops the clicks of links whose document is
 * gone, so clicks of a deleted link flushed after its deletion do not create its day documents again.
 */
export class MongoClickStore implements ClickStore {
  constructor(
    private readonly days: Collection<ClickDayDocument>,
    private readonly links?: Collection<LinkDocument>,
  ) {}

  async add(increments: readonly ClickIncrement[], batchId: string): Promise<void> {
    const kept = await this.ofStoredLinks(increments);
    if (kept.length === 0) return;
    // The guard is per batch and link-day: two increments of one link-day must go as one.
    const merged = withScopes(mergeIncrements(kept));
    await mongoCall(() => writeClickBatch(this.days, merged, batchId));
  }

  /** The increments whose link still has its document (all of them without the links collection). */
  private async ofStoredLinks(increments: readonly ClickIncrement[]): Promise<readonly ClickIncrement[]> {
    const links = this.links;
    if (links === undefined || increments.length === 0) return increments;
    const ids = [...new Set(increments.map((increment) => increment.linkId))];
    const found = await mongoCall(() =>
      links.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray(),
    );
    const stored = new Set(found.map((document) => document._id));
    return increments.filter((increment) => stored.has(increment.linkId));
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
