import type { LinkPage, LinkQuery } from "../../application/ports/link-repository.js";
import type { Link } from "../../domain/link/link.js";
import { hasEveryTag, matchesSearch } from "../../domain/link/link-metadata.js";
import type { RedisClient } from "./redis-connection.js";
import type { RedisLinkRecords } from "./redis-link-records.js";

interface Entry {
  readonly score: number;
  readonly id: string;
}

/** Where reading resumes: after `id` within `score`'s group, or the whole group when `id` is null. */
interface Cursor {
  readonly score: number;
  readonly id: string | null;
}

/** Fewest index entries one listing request examines before it may stop short of a full page. */
export const MIN_LISTING_SCAN = 500;

/** Index entries one request examines at most for a page of `limit`: 20 per link asked for, at least 500. */
export function listingScanBound(limit: number): number {
  return Math.max(20 * limit, MIN_LISTING_SCAN);
}

/**
 * One page of an account's links from its sorted set (score = creation ms) or, under a tag filter, from the
 * smallest of the account's sorted sets of the tags asked for (same scores), so a tag is listed without
 * reading the account's other links; newest first with ties by id
 * descending, filters applied while paging; ids whose record is not visible are skipped.
 *
 * A request examines at most {@link listingScanBound} entries (plus the rest of the tie group it is in): a
 * filter that matches few of many links would otherwise read the whole account at once. When the bound is
 * reached first, the page holds the matches so far (maybe none) and `next` is the last entry examined, so the
 * following request goes on from there.
 */
export async function listAccountLinks(
  records: RedisLinkRecords,
  accountId: string,
  query: LinkQuery,
): Promise<LinkPage> {
  const key = await listingKey(records, accountId, query.tags ?? []);
  const bound = listingScanBound(query.limit);
  let batchSize = Math.max(query.limit + 1, 32);
  const found: Link[] = [];
  let cursor: Cursor | null =
    query.after === null ? null : { score: query.after.createdAt.getTime(), id: query.after.id };
  let examined = 0;
  let reached: Entry | undefined;
  let exhausted = false;
  while (found.length <= query.limit && !exhausted) {
    if (examined >= bound) {
      // Stopped short: everything up to `reached` has been looked at, and at most `limit` links matched.
      const next = reached === undefined ? null : { createdAt: new Date(reached.score), id: reached.id };
      return { links: found, next };
    }
    const batch = await entriesAfter(records.client, key, cursor, Math.min(batchSize, bound - examined));
    const links = await records.visible(batch.entries.map((entry) => entry.id));
    for (const link of links) if (link !== null && matches(link, accountId, query)) found.push(link);
    examined += batch.entries.length;
    reached = batch.entries[batch.entries.length - 1] ?? reached;
    cursor = batch.next;
    exhausted = batch.next === null;
    // Few matches so far: read further ahead at once, in fewer round trips.
    batchSize *= 2;
  }
  const links = found.slice(0, query.limit);
  const last = links[links.length - 1];
  const next =
    found.length > query.limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null;
  return { links, next };
}

function matches(link: Link, accountId: string, query: LinkQuery): boolean {
  return (
    link.accountId === accountId &&
    (query.domain === undefined || link.domain === query.domain) &&
    (query.status === undefined || link.status === query.status) &&
    (query.tags === undefined || hasEveryTag(link, query.tags)) &&
    (query.search === undefined || matchesSearch(link, query.search))
  );
}

/** The sorted set to page through: the account's, or that of its rarest tag asked for. */
async function listingKey(
  records: RedisLinkRecords,
  accountId: string,
  tags: readonly string[],
): Promise<string> {
  const { client, keys } = records;
  if (tags.length === 0) return keys.accountLinks(accountId);
  const sizes = await Promise.all(tags.map((tag) => client.zcard(keys.accountTagLinks(accountId, tag))));
  let rarest = 0;
  sizes.forEach((size, index) => {
    if (size < (sizes[rarest] ?? 0)) rarest = index;
  });
  return keys.accountTagLinks(accountId, tags[rarest] ?? "");
}

/** Up to about `count` entries after the cursor in listing order, and where to go on (null at the end). */
async function entriesAfter(
  client: RedisClient,
  key: string,
  cursor: Cursor | null,
  count: number,
): Promise<{ entries: Entry[]; next: Cursor | null }> {
  const [ties, flat] = await Promise.all([
    cursor === null ? Promise.resolve([]) : client.zrange(key, cursor.score, cursor.score, "BYSCORE"),
    client.zrange(
      key,
      cursor === null ? "+inf" : `(${cursor.score}`,
      "-inf",
      "BYSCORE",
      "REV",
      "LIMIT",
      0,
      count,
      "WITHSCORES",
    ),
  ]);
  const head =
    cursor === null
      ? []
      : ties.filter((id) => cursor.id === null || id < cursor.id).map((id) => ({ score: cursor.score, id }));
  const batch: Entry[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    batch.push({ id: flat[index] ?? "", score: Number(flat[index + 1]) });
  }
  const lastScore = batch[batch.length - 1]?.score;
  if (batch.length < count || lastScore === undefined)
    return { entries: sorted([...head, ...batch]), next: null };
  // A full batch may end inside a group of equal scores: leave that group for the next call to read whole.
  const whole = batch.filter((entry) => entry.score !== lastScore);
  return { entries: sorted([...head, ...whole]), next: { score: lastScore, id: null } };
}

function sorted(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
