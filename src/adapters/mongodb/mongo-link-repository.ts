import type { Collection, Filter } from "mongodb";
import type { LinkPage, LinkQuery, LinkRepository } from "../../application/ports/link-repository.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { DOMAIN_SLUG_INDEX, LISTING_SORTS } from "./index-specs.js";
import { fromLinkDocument, type LinkDocument, toLinkDocument } from "./link-document.js";
import { mongoCall, type OnDuplicateKey } from "./mongo-call.js";

/**
 * Links in one collection; the unique (domain, slug) index makes create and slug changes atomic. Given the
 * `click_days` collection, deleting a link deletes its click documents first.
 */
export class MongoLinkRepository implements LinkRepository {
  constructor(
    private readonly links: Collection<LinkDocument>,
    private readonly clickDays?: Collection<ClickDayDocument>,
  ) {}

  async create(link: Link): Promise<void> {
    await mongoCall(async () => {
      await this.links.insertOne(toLinkDocument(link));
    }, slugTaken(link.slug));
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
    if (result.matchedCount === 1) return true;
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
    const result = await mongoCall(() => this.links.deleteOne({ _id: { $eq: id } }));
    return result.deletedCount === 1;
  }

  async listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage> {
    const filter: Filter<LinkDocument> = { accountId: { $eq: accountId } };
    if (query.domain !== undefined) filter.domain = { $eq: query.domain };
    if (query.status !== undefined) filter.status = { $eq: query.status };
    if (query.after !== null) {
      const { createdAt, id } = query.after;
      filter.$or = [{ createdAt: { $lt: createdAt } }, { createdAt: { $eq: createdAt }, _id: { $lt: id } }];
    }
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
