import { LuaScript } from "./lua-script.js";

// Each script touches the keys of one hash tag only, so it runs unchanged on Redis Cluster.

/** KEYS: link. ARGV: json, loc. Writes a new link record unless the id is in use; 1 when written. */
export const WRITE_NEW_LINK = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'json', ARGV[1], 'loc', ARGV[2], 'clicks', '0')
return 1`);

/**
 * KEYS: slug. ARGV: id, holder it may replace ('' for none), token. Claims the slug for the id (again, if it
 * holds it already), marking the claim with the token, and answers {'ok', '1' when the id held it already else
 * '0'}, or {'held', holder, age ms} leaving it untouched.
 */
export const CLAIM_SLUG = new LuaScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local holder = redis.call('HGET', KEYS[1], 'id')
if holder and holder ~= ARGV[1] and holder ~= ARGV[2] then
  return {'held', holder, tostring(now - tonumber(redis.call('HGET', KEYS[1], 'at') or now))}
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'at', now, 'token', ARGV[3])
if holder == ARGV[1] then return {'ok', '1'} end
return {'ok', '0'}`);

/**
 * KEYS: slug. ARGV: id, token ('' for any). Frees the slug if this id holds it (under this token, when one is
 * given: a claim made again since, by a concurrent update, is left alone); 1 when freed.
 */
export const RELEASE_SLUG = new LuaScript(`
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'token') ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
return 1`);

/**
 * KEYS: link. ARGV: json, loc, expected loc, expected updatedAt (ISO). Compare-and-set: replaces the record,
 * but not its clicks, only while it still answers on the expected loc with the expected updatedAt. Answers
 * {'ok', old loc}, {'stale', loc} leaving it untouched, or nil when there is no record.
 */
export const REWRITE_LINK = new LuaScript(`
local stored = redis.call('HMGET', KEYS[1], 'json', 'loc')
if not stored[1] or not stored[2] then return false end
if stored[2] ~= ARGV[3] or cjson.decode(stored[1]).updatedAt ~= ARGV[4] then return {'stale', stored[2]} end
redis.call('HSET', KEYS[1], 'json', ARGV[1], 'loc', ARGV[2])
return {'ok', stored[2]}`);

/**
 * KEYS: link. Adds one click while below the record's own maxClicks (a record without one always counts);
 * the new count, or nil when the budget is spent or there is no record.
 */
export const CONSUME_CLICK = new LuaScript(`
local stored = redis.call('HMGET', KEYS[1], 'json', 'clicks')
if not stored[1] then return false end
local max = cjson.decode(stored[1]).maxClicks
if type(max) == 'number' and tonumber(stored[2] or '0') >= max then return false end
return redis.call('HINCRBY', KEYS[1], 'clicks', 1)`);
