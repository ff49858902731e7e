import type {
  LinkPage,
  LinkQuery,
  LinkRepository,
  TagCount,
} from "../../application/ports/link-repository.js";
import { DomainError, isDomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import { type IndexMode, indexAccountLink } from "./account-link-index.js";
import { CONSUME_CLICK, REWRITE_LINK, WRITE_NEW_LINK } from "./link-scripts.js";
import { listAccountLinks } from "./list-account-links.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { RedisLinkBatches } from "./redis-link-batches.js";
import { encodeLink, locOf, RedisLinkRecords, slugTaken, toLink } from "./redis-link-records.js";
import { guarded } from "./redis-unavailable.js";

/**
 * Links in Redis: a record hash under the link id's hash tag, a slug claim under the domain+slug's, and a
 * sorted set per account. A slug claim (one Lua script) is what makes a create or slug change take effect.
 */
export class RedisLinkRepository implements LinkRepository {
  private readonly records: RedisLinkRecords;
  private readonly batches: RedisLinkBatches;

  constructor(client: RedisClient, keys: RedisKeys = new RedisKeys()) {
    this.records = new RedisLinkRecords(client, keys);
    this.batches = new RedisLinkBatches(this.records, (id) => this.delete(id));
  }

  async create(link: Link): Promise<void> {
    return guarded(async () => {
      const { client, keys } = this.records;
      const loc = locOf(link);
      if ((await WRITE_NEW_LINK.run(client, [keys.link(link.id)], [encodeLink(link), loc])) !== 1) {
        throw slugTaken(link.slug);
      }
      await indexAccountLink(client, keys, link, "put");
      try {
        await this.records.claim(loc, link.id, link.slug);
      } catch (error) {
        // Only a refused claim is certain to have written nothing; after a lost reply the claim may stand.
        if (isDomainError(error)) await this.forget(link, "undo");
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

  async update(link: Link, previous: Link): Promise<boolean> {
    return guarded(async () => {
      const from = locOf(previous);
      const to = locOf(link);
      // The token of a claim this call made, freed again when the write does not happen. A claim the link held
      // already (a concurrent update's, or its own committed one) is never this call's to free.
      const token = to === from ? null : await this.records.claim(to, link.id, link.slug);
      const outcome = await this.rewrite(link, to, previous);
      if (outcome !== "ok") {
        if (token !== null) await this.records.release(to, link.id, token);
        if (outcome === "gone") throw new DomainError("link_not_found", "No link with this id exists.");
        // Stale: the record moved on (maybe to another slug); neither its slug nor the old one is touched.
        return false;
      }
      if (from !== to) {
        if ((await this.records.holderOf(to)) !== link.id) {
          // The claim went stale while this update stalled and a create took the slug: put the link back.
          await this.rewrite(previous, from, link);
          throw slugTaken(link.slug);
        }
        await this.records.release(from, link.id);
      }
      // Indexed once the update stands (a link put back keeps the tags the index holds).
      await indexAccountLink(this.records.client, this.records.keys, link, "put");
      return true;
    });
  }

  async delete(id: string): Promise<boolean> {
    return guarded(async () => {
      let stored = await this.records.load(id);
      while (stored !== null) {
        if (await this.records.release(stored.loc, id)) {
          await this.forget(toLink(stored), "drop");
          return true;
        }
        const again = await this.records.load(id);
        // Unchanged: the record holds no slug claim, either because it never took effect or because an
        // earlier delete released it and failed before forgetting the record: finish that delete's work
        // (idempotent), so no index entry or tag count outlives it. Moved: a concurrent slug change, so try
        // its new slug.
        if (again !== null && again.loc === stored.loc) {
          await this.forget(toLink(again), "drop");
          return false;
        }
        stored = again;
      }
      return false;
    });
  }

  async listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage> {
    return guarded(() => listAccountLinks(this.records, accountId, query));
  }

  async tagCounts(accountId: string): Promise<readonly TagCount[]> {
    return guarded(async () => {
      const counts = await this.records.client.hgetall(this.records.keys.accountTags(accountId));
      return Object.entries(counts)
        .map(([name, links]) => ({ name, links: Number(links) }))
        .filter((tag) => tag.links > 0)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  async consumeClick(id: string): Promise<number | null> {
    return guarded(async () => {
      const reply = await CONSUME_CLICK.run(this.records.client, [this.records.keys.link(id)], []);
      return typeof reply === "number" ? reply : null;
    });
  }

  async createMany(links: readonly Link[]): Promise<boolean[]> {
    if (!this.records.client.isCluster) return guarded(() => this.batches.createMany(links));
    // A cluster pipeline stays on one node: each link on its own, links of one slug in order (first wins).
    const bySlug = new Map<string, number[]>();
    for (const [index, link] of links.entries()) {
      bySlug.set(locOf(link), [...(bySlug.get(locOf(link)) ?? []), index]);
    }
    const created = links.map(() => false);
    await Promise.all(
      [...bySlug.values()].map(async (indexes) => {
        for (const index of indexes) {
          const link = links[index];
          if (link !== undefined) created[index] = await this.createOrRefuse(link);
        }
      }),
    );
    return created;
  }

  /** True when created, false when its slug was taken. */
  private async createOrRefuse(link: Link): Promise<boolean> {
    try {
      await this.create(link);
      return true;
    } catch (error) {
      if (isDomainError(error) && error.code === "slug_taken") return false;
      throw error;
    }
  }

  async findByIds(ids: readonly string[]): Promise<(Link | null)[]> {
    return guarded(() => this.records.visible(ids));
  }

  async deleteMany(ids: readonly string[]): Promise<boolean[]> {
    if (!this.records.client.isCluster) return guarded(() => this.batches.deleteMany(ids));
    return Promise.all(ids.map((id) => this.delete(id)));
  }

  /** Compare-and-set of the record: written only while it is still `expected` (its loc and updatedAt). */
  private async rewrite(link: Link, to: string, expected: Link): Promise<"ok" | "stale" | "gone"> {
    const reply = await REWRITE_LINK.run(
      this.records.client,
      [this.records.keys.link(link.id)],
      [encodeLink(link), to, locOf(expected), expected.updatedAt.toISOString()],
    );
    if (!Array.isArray(reply)) return "gone";
    return reply[0] === "ok" ? "ok" : "stale";
  }

  private async forget(
    link: Pick<Link, "id" | "accountId" | "createdAt" | "updatedAt" | "tags">,
    mode: IndexMode,
  ) {
    const { client, keys } = this.records;
    await Promise.all([client.del(keys.link(link.id)), indexAccountLink(client, keys, link, mode)]);
  }
}
