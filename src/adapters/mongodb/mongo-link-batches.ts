import { type Collection, MongoBulkWriteError } from "mongodb";
import { mapConcurrently } from "../../application/services/map-concurrently.js";
import type { Link } from "../../domain/link/link.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { DOMAIN_SLUG_INDEX } from "./index-specs.js";
import { type LinkDocument, toLinkDocument } from "./link-document.js";
import { mongoCall } from "./mongo-call.js";
import { DUPLICATE_KEY } from "./mongo-errors.js";
import type { MongoTagCounts } from "./tag-counts.js";

/**
 * Inserts many links in one unordered `insertMany`: every document is tried, and the ones the unique
 * (domain, slug) index refuses are listed by position; the created links' tags are counted after.
 */
export async function insertLinks(
  links: Collection<LinkDocument>,
  tagCounts: MongoTagCounts | undefined,
  batch: readonly Link[],
): Promise<boolean[]> {
  if (batch.length === 0) return [];
  const refused = await mongoCall(async () => {
    try {
      await links.insertMany(batch.map(toLinkDocument), { ordered: false });
      return new Set<number>();
    } catch (error) {
      const indexes = slugRefusals(error);
      if (indexes === null) throw error;
      return indexes;
    }
  });
  const created = batch.filter((_, index) => !refused.has(index));
  await tagCounts?.changeMany(created, 1);
  return batch.map((_, index) => !refused.has(index));
}

/** What a bulk delete touches: the links, their click documents and their tag counts. */
export interface LinkCollections {
  readonly links: Collection<LinkDocument>;
  readonly clickDays: Collection<ClickDayDocument> | undefined;
  readonly tagCounts: MongoTagCounts | undefined;
}

/**
 * Deletes many links as the single delete does: one read of them all, their click documents in one call, then
 * a compare-and-delete of each version read, a few at a time (so the tags uncounted are exactly those of the
 * links this call deleted). A link that changed in between goes through `deleteOne`, which reads it again.
 */
/** Link deletes of one batch in flight at once. */
const DELETE_CONCURRENCY = 32;

export async function deleteLinks(
  collections: LinkCollections,
  ids: readonly string[],
  deleteOne: (id: string) => Promise<boolean>,
): Promise<boolean[]> {
  const { links, clickDays, tagCounts } = collections;
  const read = await mongoCall(() =>
    links.find({ _id: { $in: [...ids] } }, { projection: { accountId: 1, tags: 1, updatedAt: 1 } }).toArray(),
  );
  if (read.length === 0) return ids.map(() => false);
  const found = read.map((document) => document._id);
  if (clickDays !== undefined) await mongoCall(() => clickDays.deleteMany({ linkId: { $in: found } }));
  // Each link deleted on the version read, so the tags uncounted are exactly those of the links this call
  // deleted (one deleteMany could not say which it removed, and a concurrent delete's links would be
  // uncounted twice); a link changed since it was read goes through the single delete.
  const outcomes = await mapConcurrently(read, DELETE_CONCURRENCY, async (document) => {
    const result = await mongoCall(() =>
      links.deleteOne({ _id: { $eq: document._id }, updatedAt: { $eq: document.updatedAt } }),
    );
    if (result.deletedCount === 1) return { document, uncount: true, gone: true };
    return { document, uncount: false, gone: await deleteOne(document._id) };
  });
  await tagCounts?.changeMany(
    outcomes
      .filter((outcome) => outcome.uncount)
      .map(({ document }) => ({ accountId: document.accountId, tags: document.tags ?? [] })),
    -1,
  );
  const gone = new Set(outcomes.filter((outcome) => outcome.gone).map(({ document }) => document._id));
  return ids.map((id) => gone.has(id));
}

/**
 * The positions of the documents of an unordered insertMany refused by the `domain_slug` index, or null when
 * the failure is anything else (then it stays a failure).
 */
function slugRefusals(error: unknown): Set<number> | null {
  if (!(error instanceof MongoBulkWriteError)) return null;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  // Every refusal is listed with its position; a failure that lists none is not one of these.
  if (writeErrors.length === 0) return null;
  const refused = new Set<number>();
  for (const writeError of writeErrors) {
    const onSlug = writeError.code === DUPLICATE_KEY && writeError.errmsg?.includes(DOMAIN_SLUG_INDEX.name);
    if (onSlug !== true) return null;
    refused.add(writeError.index);
  }
  return error.writeConcernError === undefined || error.writeConcernError === null ? refused : null;
}
