import type { Collection } from "mongodb";
import type { TagCount } from "../../application/ports/link-repository.js";
import { mongoCall } from "./mongo-call.js";

/** How many of an account's links carry one tag, in the `tag_counts` collection (unique on account + tag). */
export interface TagCountDocument {
  accountId: string;
  tag: string;
  links: number;
}

/** The unique index of `tag_counts`: one document per account and tag. */
export const ACCOUNT_TAG_INDEX = {
  key: { accountId: 1, tag: 1 },
  name: "account_tag",
  unique: true,
} as const;

/**
 * Tag counts kept beside the links, changed by `$inc` after each link write that adds or removes tags. The
 * change follows the link's write (not in one transaction): a process that dies between the two leaves a
 * count off by the tags of that one write.
 */
export class MongoTagCounts {
  constructor(private readonly counts: Collection<TagCountDocument>) {}

  /** Adds one link to each tag of `added`, takes one from each of `removed`. */
  async change(accountId: string, added: readonly string[], removed: readonly string[]): Promise<void> {
    await Promise.all([
      ...added.map((tag) => this.add(accountId, tag, 1)),
      ...removed.map((tag) => this.add(accountId, tag, -1)),
    ]);
  }

  /** Adds (`sign` 1) or takes (-1) each of many links to or from its tags, one `$inc` per account and tag. */
  async changeMany(
    links: readonly { accountId: string; tags: readonly string[] }[],
    sign: 1 | -1,
  ): Promise<void> {
    const totals = new Map<string, { accountId: string; tag: string; links: number }>();
    for (const { accountId, tags } of links) {
      for (const tag of tags) {
        const key = JSON.stringify([accountId, tag]);
        const total = totals.get(key) ?? { accountId, tag, links: 0 };
        total.links += sign;
        totals.set(key, total);
      }
    }
    await Promise.all(
      [...totals.values()].map(({ accountId, tag, links: by }) => this.add(accountId, tag, by)),
    );
  }

  async of(accountId: string): Promise<readonly TagCount[]> {
    const documents = await mongoCall(() =>
      this.counts
        .find(
          { accountId: { $eq: accountId }, links: { $gt: 0 } },
          { projection: { _id: 0, tag: 1, links: 1 } },
        )
        .sort({ tag: 1 })
        .toArray(),
    );
    return documents.map((document) => ({ name: document.tag, links: document.links }));
  }

  /**
   * `$inc` of the tag's document; a tag seen for the first time inserts it, and an insert that loses the race
   * to another (duplicate key on {@link ACCOUNT_TAG_INDEX}) increments the winner's instead.
   */
  private async add(accountId: string, tag: string, by: number): Promise<void> {
    const filter = { accountId: { $eq: accountId }, tag: { $eq: tag } };
    const increment = () => mongoCall(() => this.counts.updateOne(filter, { $inc: { links: by } }));
    if ((await increment()).matchedCount === 1 || by < 0) return;
    const inserted = await mongoCall(
      async () => {
        await this.counts.insertOne({ accountId, tag, links: by });
        return true;
      },
      { index: ACCOUNT_TAG_INDEX, answer: () => false },
    );
    if (!inserted) await increment();
  }
}

/** The tags of `next` that `previous` lacks, and those it loses. */
export function tagChanges(
  previous: readonly string[],
  next: readonly string[],
): { readonly added: readonly string[]; readonly removed: readonly string[] } {
  return {
    added: next.filter((tag) => !previous.includes(tag)),
    removed: previous.filter((tag) => !next.includes(tag)),
  };
}
