import type { LinkPage, LinkQuery, LinkRepository } from "../../application/ports/link-repository.js";
import { DomainError, isDomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import { decodeRecord } from "./json-record.js";
import { CONSUME_CLICK, REWRITE_LINK, WRITE_NEW_LINK } from "./link-scripts.js";
import { listAccountLinks } from "./list-account-links.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { encodeLink, locOf, RedisLinkRecords, slugTaken, toLink } from "./redis-link-records.js";
import { guarded } from "./redis-unavailable.js";

/**
 * Links in Redis: a record hash under the link id's hash tag, a slug claim under the domain+slug's, and a
 * sorted set per account. A slug claim (one Lua script) is what makes a create or slug change take effect.
 */
export class RedisLinkRepository implements LinkRepository {
  private readonly records: RedisLinkRecords;

  constructor(client: RedisClient, keys: RedisKeys = new RedisKeys()) {
    this.records = new RedisLinkRecords(client, keys);
  }

  async create(link: Link): Promise<void> {
    return guarded(async () => {
      const { client, keys } = this.records;
      const loc = locOf(link);
      if ((await WRITE_NEW_LINK.run(client, [keys.link(link.id)], [encodeLink(link), loc])) !== 1) {
        throw slugTaken(link.slug);
      }
      await client.zadd(keys.accountLinks(link.accountId), link.createdAt.getTime(), link.id);
      try {
        await this.records.claim(loc, link.id, link.slug);
      } catch (error) {
        // Only a refused claim is certain to have written nothing; after a lost reply the claim may stand.
        if (isDomainError(error)) await this.forget(link.id, link.accountId);
        throw error;
      }
    });
  }

  async findById(id: string): Promise<Link | null> {
    return guarded(async () => (await this.records.visible([id]))[0] ?? null);
  }

  async findBySlug(domain: string, slug: string): Promise<Link | null> {
    return guarded(async () => {
      const loc = locOf({ domain, slug });
      const id = await this.records.holderOf(loc);
      const stored = id === null ? null : await this.records.load(id);
      return stored !== null && stored.loc === loc ? toLink(stored) : null;
    });
  }

  async update(link: Link, previous: Link): Promise<void> {
    return guarded(async () => {
      const to = locOf(link);
      let claimed = to !== locOf(previous);
      if (claimed) await this.records.claim(to, link.id, link.slug);
      let reply = await this.rewrite(link, to, claimed);
      if (reply.moved) {
        await this.records.claim(to, link.id, link.slug);
        claimed = true;
        reply = await this.rewrite(link, to, true);
      }
      const from = reply.from;
      if (from === null) {
        if (claimed) await this.records.release(to, link.id);
        throw new DomainError("link_not_found", "No link with this id exists.");
      }
      if (from === to) return;
      if ((await this.records.holderOf(to)) !== link.id) {
        // The claim went stale while this update stalled and a create took the slug: put the link back.
        await this.rewrite(previous, from, true);
        throw slugTaken(link.slug);
      }
      await this.records.release(from, link.id);
    });
  }

  async delete(id: string): Promise<boolean> {
    return guarded(async () => {
      let stored = await this.records.load(id);
      while (stored !== null) {
        if (await this.records.release(stored.loc, id)) {
          const { accountId } = decodeRecord<Link>(stored.json, []);
          await this.forget(id, accountId);
          return true;
        }
        const again = await this.records.load(id);
        // Unchanged: the record never took effect. Moved: a concurrent slug change, so try its new slug.
        if (again?.loc === stored.loc) return false;
        stored = again;
      }
      return false;
    });
  }

  async listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage> {
    return guarded(() => listAccountLinks(this.records, accountId, query));
  }

  async consumeClick(id: string, maxClicks: number): Promise<number | null> {
    return guarded(async () => {
      const reply = await CONSUME_CLICK.run(this.records.client, [this.records.keys.link(id)], [maxClicks]);
      return typeof reply === "number" ? reply : null;
    });
  }

  private async rewrite(
    link: Link,
    to: string,
    claimed: boolean,
  ): Promise<{ from: string | null; moved: boolean }> {
    const key = this.records.keys.link(link.id);
    const reply = await REWRITE_LINK.run(
      this.records.client,
      [key],
      [encodeLink(link), to, claimed ? "1" : "0"],
    );
    if (!Array.isArray(reply)) return { from: null, moved: false };
    return { from: String(reply[1]), moved: reply[0] === "moved" };
  }

  private async forget(id: string, accountId: string): Promise<void> {
    const { client, keys } = this.records;
    await Promise.all([client.del(keys.link(id)), client.zrem(keys.accountLinks(accountId), id)]);
  }
}
