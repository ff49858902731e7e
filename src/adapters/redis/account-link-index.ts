import type { Link } from "../../domain/link/link.js";
import { LuaScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

/**
 * KEYS: account links, account tag counts, account link tags. ARGV: id, score (created ms), version (updated
 * ms), mode, tag-set key prefix, then the link's tags. Mode `put` indexes the link with these tags, `drop`
 * unindexes a deleted link and leaves a tombstone (so a late write of an update that raced the delete cannot
 * index it again), `undo` forgets a create that did not take effect (its id may be tried again). A write older
 * than the version the index holds for the link is ignored (0), so concurrent updates end with the newest tags.
 * Every key is under the account's hash tag, the tag sets too (named from the prefix), so this runs on Cluster.
 */
const INDEX_LINK = new LuaScript(`
local id, mode, prefix = ARGV[1], ARGV[4], ARGV[5]
local version = tonumber(ARGV[3])
local entry = redis.call('HGET', KEYS[3], id)
local old = {}
if entry then
  local held = cjson.decode(entry)
  if mode ~= 'undo' and tonumber(held.v) > version then return 0 end
  old = held.t
end
local new, had = {}, {}
if mode == 'put' then for i = 6, #ARGV do new[ARGV[i]] = true end end
for _, tag in ipairs(old) do
  had[tag] = true
  if not new[tag] then
    redis.call('ZREM', prefix .. tag, id)
    if redis.call('HINCRBY', KEYS[2], tag, -1) <= 0 then redis.call('HDEL', KEYS[2], tag) end
  end
end
if mode == 'put' then
  for i = 6, #ARGV do
    if not had[ARGV[i]] then
      redis.call('ZADD', prefix .. ARGV[i], ARGV[2], id)
      redis.call('HINCRBY', KEYS[2], ARGV[i], 1)
    end
  end
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  local tags = {}
  for i = 6, #ARGV do tags[#tags + 1] = ARGV[i] end
  redis.call('HSET', KEYS[3], id, cjson.encode({v = version, t = tags}))
else
  redis.call('ZREM', KEYS[1], id)
  if mode == 'drop' then
    redis.call('HSET', KEYS[3], id, cjson.encode({v = 9007199254740991, t = {}}))
  else
    redis.call('HDEL', KEYS[3], id)
  end
end
return 1`);

export type IndexMode = "put" | "drop" | "undo";

/**
 * An account's index of its links in Redis: the sorted set of all of them, one sorted set per tag and the
 * count of links per tag, changed together by one script per link write.
 */
export async function indexAccountLink(
  client: RedisClient,
  keys: RedisKeys,
  link: IndexedLink,
  mode: IndexMode,
): Promise<void> {
  const run = accountLinkIndexRun(keys, link, mode);
  await INDEX_LINK.run(client, run.keys, run.args);
}

type IndexedLink = Pick<Link, "id" | "accountId" | "createdAt" | "updatedAt" | "tags">;

/** The script that indexes one link write, for a pipeline of many (bulk create and delete). */
export const ACCOUNT_LINK_INDEX_SCRIPT = INDEX_LINK;

/** The keys and arguments of {@link indexAccountLink}'s script for one link. */
export function accountLinkIndexRun(keys: RedisKeys, link: IndexedLink, mode: IndexMode) {
  return {
    keys: [
      keys.accountLinks(link.accountId),
      keys.accountTags(link.accountId),
      keys.accountLinkTags(link.accountId),
    ],
    args: [
      link.id,
      link.createdAt.getTime(),
      link.updatedAt.getTime(),
      mode,
      keys.accountTagLinksPrefix(link.accountId),
      ...(mode === "put" ? link.tags : []),
    ],
  };
}
