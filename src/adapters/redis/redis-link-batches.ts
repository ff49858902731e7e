import { randomUUID } from "node:crypto";
import type { ChainableCommander } from "ioredis";
import { isDomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import { ACCOUNT_LINK_INDEX_SCRIPT, accountLinkIndexRun, type IndexMode } from "./account-link-index.js";
import { CLAIM_SLUG, RELEASE_SLUG, WRITE_NEW_LINK } from "./link-scripts.js";
import { runPipelined } from "./pipelined-scripts.js";
import { encodeLink, locOf, type RedisLinkRecords, type StoredLink, toLink } from "./redis-link-records.js";

/**
 * Bulk writes of links in Redis, a pipeline per step instead of a round trip per link: records, then index
 * and slug claims, then clean-up of the refused. Each link follows the steps of a single create or delete.
 * Standalone Redis only: a cluster pipeline must stay on one node, so the repository loops there instead.
 */
export class RedisLinkBatches {
  constructor(
    private readonly records: RedisLinkRecords,
    /** The single delete, for a link whose slug moved while the batch ran (it follows the move). */
    private readonly deleteOne: (id: string) => Promise<boolean>,
  ) {}

  async createMany(links: readonly Link[]): Promise<boolean[]> {
    const { client, keys } = this.records;
    const written = await runPipelined(
      client,
      WRITE_NEW_LINK,
      links.map((link) => ({ keys: [keys.link(link.id)], args: [encodeLink(link), locOf(link)] })),
    );
    const fresh = links.filter((_, index) => written[index] === 1);
    // Indexed (listing, tags) before it is claimed, as a single create does: a visible link is always listed.
    await runPipelined(
      client,
      ACCOUNT_LINK_INDEX_SCRIPT,
      fresh.map((link) => accountLinkIndexRun(keys, link, "put")),
    );
    const claims = await runPipelined(
      client,
      CLAIM_SLUG,
      fresh.map((link) => ({ keys: [keys.slugAt(locOf(link))], args: [link.id, "", randomUUID()] })),
    );
    // A held slug may be a stale claim another link gave up: the single path decides, taking it over or not.
    const claimed = await Promise.all(
      fresh.map(async (link, index) => {
        const reply = claims[index];
        if (Array.isArray(reply) && reply[0] === "ok") return true;
        try {
          await this.records.claim(locOf(link), link.id, link.slug);
          return true;
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return false;
        }
      }),
    );
    const refused = fresh.filter((_, index) => claimed[index] === false);
    await this.forget(refused, "undo");
    const created = new Set(fresh.filter((_, index) => claimed[index] === true).map((link) => link.id));
    return links.map((link) => created.has(link.id));
  }

  async deleteMany(ids: readonly string[]): Promise<boolean[]> {
    const { client, keys } = this.records;
    const loading = client.pipeline();
    for (const id of ids) loading.hmget(keys.link(id), "json", "loc", "clicks");
    const loaded = await execAll(loading);
    const stored = ids.map((_, index) => storedOf(loaded[index]));
    const present = ids.flatMap((id, index) => {
      const record = stored[index];
      return record === null || record === undefined ? [] : [{ id, record }];
    });
    const released = await runPipelined(
      client,
      RELEASE_SLUG,
      present.map(({ id, record }) => ({ keys: [keys.slugAt(record.loc)], args: [id, ""] })),
    );
    const gone = present.filter((_, index) => released[index] === 1);
    await this.forget(
      gone.map(({ record }) => toLink(record)),
      "drop",
    );
    const deleted = new Set(gone.map(({ id }) => id));
    const moved = present.filter((_, index) => released[index] !== 1).map(({ id }) => id);
    const movedDeleted = await Promise.all(moved.map((id) => this.deleteOne(id)));
    moved.forEach((id, index) => {
      if (movedDeleted[index] === true) deleted.add(id);
    });
    return ids.map((id) => deleted.has(id));
  }

  /** Deletes the records and unindexes them: `undo` for creates that did not take effect, `drop` for deletes. */
  private async forget(links: readonly Link[], mode: IndexMode): Promise<void> {
    if (links.length === 0) return;
    const { client, keys } = this.records;
    const deleting = client.pipeline();
    for (const link of links) deleting.del(keys.link(link.id));
    await Promise.all([
      execAll(deleting),
      runPipelined(
        client,
        ACCOUNT_LINK_INDEX_SCRIPT,
        links.map((link) => accountLinkIndexRun(keys, link, mode)),
      ),
    ]);
  }
}

/** The replies of a pipeline of plain commands, or its first error thrown. */
async function execAll(pipeline: ChainableCommander): Promise<unknown[]> {
  const results = await pipeline.exec();
  if (results === null) throw new Error("The pipeline was discarded.");
  for (const [error] of results) if (error !== null) throw error;
  return results.map(([, reply]) => reply);
}

function storedOf(reply: unknown): StoredLink | null {
  if (!Array.isArray(reply)) return null;
  const [json, loc, clicks] = reply as (string | null)[];
  return json == null || loc == null ? null : { json, loc, clicks: Number(clicks ?? 0) };
}
