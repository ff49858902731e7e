import type { Collection, Filter } from "mongodb";
import type {
  LinkPage,
  LinkQuery,
  LinkRepository,
  ListPosition,
  TagCount,
} from "../../application/ports/link-repository.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import { matchesSearch } from "../../domain/link/link-metadata.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { DOMAIN_SLUG_INDEX, LISTING_SORTS } from "./index-specs.js";
import { fromLinkDocument, type LinkDocument, toLinkDocument } from "./link-document.js";
import { mongoCall, type OnDuplicateKey } from "./mongo-call.js";
import { deleteLinks, insertLinks } from "./mongo-link-batches.js";
import { MongoTagCounts, type TagCountDocument, tagChanges } from "./tag-counts.js";

/** Links one request examines at most under a `search` (`q`), which no index serves. */
export const SEARCH_WINDOW = 500;

/**
 * Links in one collection; the unique (domain, slug) index makes create and slug changes atomic. Given the
 * `click_days` collection, deleting a link deletes its click documents first. Given the `tag_counts`
 * collection (as `mongoStores` does), tag counts are kept there at write time; without it they are counted
 * from the `account_tag_newest` index on each call.
 */
export class MongoLinkRepository implements LinkRepository {
  private readonly tagCountStore: MongoTagCounts | undefined;

  constructor(
    private readonly links: Collection<LinkDocument>,
    private readonly clickDays?: Collection<ClickDayDocument>,
    tagCounts?: Collection<TagCountDocument>,
  ) {
    this.tagCountStore = tagCounts === undefined ? undefined : new MongoTagCounts(tagCounts);
  }

  async create(link: Link): Promise<void> {
    await mongoCall(async () => {
      await this.links.insertOne(toLinkDocument(link));
    }, slugTaken(link.slug));
    await this.tagCountStore?.change(link.accountId, link.tags, []);
  }

  async findById(id: string): Promise<Link | null> {
    return this.findOne({ _id: { $eq: id } });
  }

  async findBySlug(domain: string, slug: string): Promise<Link | null> {
    return this.findOne({ domain: { $eq: domain }, slug: { $eq: slug } });
  }

  async update(link: Link, previous: Link): Promise<boolean> {
    const { _id, clickCount, ...fields } = toLinkDocument(link);
    // Compare-and-set on the previous updatedAt. The previous (domain, slug) in the filter also targets one
    // shard and lets a sharded cluster move the link.
    const filter = {
      _id: { $eq: _id },
      domain: { $eq: previous.domain },
      slug: { $eq: previous.slug },
      updatedAt: { $eq: previous.updatedAt },
    };
    const result = await mongoCall(
      () => this.links.updateOne(filter, { $set: fields }),
      slugTaken(link.slug),
    );
    if (result.matchedCount === 1) {
      const { added, removed } = tagChanges(previous.tags, link.tags);
      await this.tagCountStore?.change(link.accountId, added, removed);
      return true;
    }
    // No match: the link is gone, or a concurrent update changed it first.
    const stored = await mongoCall(() =>
      this.links.findOne({ _id: { $eq: _id } }, { projection: { _id: 1 } }),
    );
    if (stored === null) throw new DomainError("link_not_found", "No link with this id exists.");
    return false;
  }

  async delete(id: string): Promise<boolean> {
    // Its click documents go first: if the link's own delete then fails (a stepdown, say), the link is still
    // there to delete again, instead of a link gone for good and its counts left behind.
    const clickDays = this.clickDays;
    if (clickDays !== undefined) await mongoCall(() => clickDays.deleteMany({ linkId: { $eq: id } }));
    // Compare-and-delete on the version read, so the tags uncounted are those of the link deleted.
    for (;;) {
      const read = await mongoCall(() =>
        this.links.findOne({ _id: { $eq: id } }, { projection: { accountId: 1, tags: 1, updatedAt: 1 } }),
      );
      if (read === null) return false;
      const result = await mongoCall(() =>
        this.links.deleteOne({ _id: { $eq: id }, updatedAt: { $eq: read.updatedAt } }),
      );
      if (result.deletedCount === 1) {
        await this.tagCountStore?.change(read.accountId, [], read.tags ?? []);
        return true;
      }
    }
  }

  async listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage> {
    const filter: Filter<LinkDocument> = { accountId: { $eq: accountId } };
    if (query.domain !== undefined) filter.domain = { $eq: query.domain };
    if (query.status !== undefined) filter.status = { $eq: query.status };
    if (query.tags !== undefined) filter.tags = { $all: [...query.tags] };
    if (query.after !== null) {
      const { createdAt, id } = query.after;
      filter.$or = [{ createdAt: { $lt: createdAt } }, { createdAt: { $eq: createdAt }, _id: { $lt: id } }];
    }
    if (query.search !== undefined) return this.searchWindow(filter, query.limit, query.search);
    const documents = await mongoCall(() =>
      this.links
        .find(filter)
        .sort(LISTING_SORTS.links)
        .limit(query.limit + 1)
        .toArray(),
    );
    const links = documents.slice(0, query.limit).map(fromLinkDocument);
    const last = links[links.length - 1];
    const next =
      documents.length > query.limit && last !== undefined
        ? { createdAt: last.createdAt, id: last.id }
        : null;
    return { links, next };
  }

  async tagCounts(accountId: string): Promise<readonly TagCount[]> {
    if (this.tagCountStore !== undefined) return this.tagCountStore.of(accountId);
    const grouped = await mongoCall(() =>
      this.links
        .aggregate<{ _id: string; links: number }>([
          { $match: { accountId: { $eq: accountId } } },
          { $unwind: "$tags" },
          { $group: { _id: "$tags", links: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ])
        .toArray(),
    );
    return grouped.map((group) => ({ name: group._id, links: group.links }));
  }

  /**
   * A page under a search no index serves: the next {@link SEARCH_WINDOW} links the other filters match are
   * read and searched here, so a request costs a bounded read however rare the text; when the window ends
   * first, `next` is the last link read.
   */
  private async searchWindow(filter: Filter<LinkDocument>, limit: number, search: string): Promise<LinkPage> {
    const window = Math.max(SEARCH_WINDOW, limit + 1);
    const documents = await mongoCall(() =>
      this.links.find(filter).sort(LISTING_SORTS.links).limit(window).toArray(),
    );
    const found = documents.map(fromLinkDocument).filter((link) => matchesSearch(link, search));
    const links = found.slice(0, limit);
    const last = links[links.length - 1];
    const read = documents[documents.length - 1];
    let next: ListPosition | null = null;
    if (found.length > limit && last !== undefined) next = { createdAt: last.createdAt, id: last.id };
    else if (documents.length === window && read !== undefined)
      next = { createdAt: read.createdAt, id: read._id };
    return { links, next };
  }

  async consumeClick(id: string): Promise<number | null> {
    // The stored budget decides; a null maxClicks compares below every number, so it is matched apart.
    const filter: Filter<LinkDocument> = {
      _id: { $eq: id },
      $or: [{ maxClicks: { $eq: null } }, { $expr: { $lt: ["$clickCount", "$maxClicks"] } }],
    };
    const document = await mongoCall(() =>
      this.links.findOneAndUpdate(
        filter,
        { $inc: { clickCount: 1 } },
        { returnDocument: "after", projection: { clickCount: 1 } },
      ),
    );
    return document === null ? null : document.clickCount;
  }

  async createMany(links: readonly Link[]): Promise<boolean[]> {
    return insertLinks(this.links, this.tagCountStore, links);
  }

  async findByIds(ids: readonly string[]): Promise<(Link | null)[]> {
    const documents = await mongoCall(() => this.links.find({ _id: { $in: [...ids] } }).toArray());
    const byId = new Map(documents.map((document) => [document._id, fromLinkDocument(document)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async deleteMany(ids: readonly string[]): Promise<boolean[]> {
    return deleteLinks(
      { links: this.links, clickDays: this.clickDays, tagCounts: this.tagCountStore },
      ids,
      (id) => this.delete(id),
    );
  }

  private async findOne(filter: Filter<LinkDocument>): Promise<Link | null> {
    const document = await mongoCall(() => this.links.findOne(filter));
    return document === null ? null : fromLinkDocument(document);
  }
}

/** A duplicate key on `domain_slug` (not on `_id`, say) is the business rule: the slug is taken. */
function slugTaken<T>(slug: string): OnDuplicateKey<T> {
  return {
    index: DOMAIN_SLUG_INDEX,
    answer: () => {
      throw new DomainError("slug_taken", `The custom slug '${slug}' is already taken.`);
    },
  };
}
