import type { LinkPage, LinkQuery } from "../../application/ports/link-repository.js";
import type { Link } from "../../domain/link/link.js";
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

/**
 * One page of an account's links from its sorted set (score = creation ms), newest first with ties by id
 * descending, filters applied while paging; ids whose record is not visible are skipped.
 */
export async function listAccountLinks(
  records: RedisLinkRecords,
  accountId: string,
  query: LinkQuery,
): Promise<LinkPage> {
  const key = records.keys.accountLinks(accountId);
  const batchSize = Math.max(query.limit + 1, 32);
  const found: Link[] = [];
  let cursor: Cursor | null =
    query.after === null ? null : { score: query.after.createdAt.getTime(), id: query.after.id };
  let exhausted = false;
  while (found.length <= query.limit && !exhausted) {
    const batch = await entriesAfter(records.client, key, cursor, batchSize);
    const links = await records.visible(batch.entries.map((entry) => entry.id));
    for (const link of links) if (link !== null && matches(link, accountId, query)) found.push(link);
    cursor = batch.next;
    exhausted = batch.next === null;
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
    (query.status === undefined || link.status === query.status)
  );
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
