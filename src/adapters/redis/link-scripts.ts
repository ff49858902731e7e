import { LuaScript } from "./lua-script.js";

// Each script touches the keys of one hash tag only, so it runs unchanged on Redis Cluster.

/** KEYS: link. ARGV: json, loc. Writes a new link record unless the id is in use; 1 when written. */
export const WRITE_NEW_LINK = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'json', ARGV[1], 'loc', ARGV[2], 'clicks', '0')
return 1`);

/**
 * KEYS: slug. ARGV: id, holder it may replace ('' for none). Claims the slug for the id (again, if it holds
 * it already) and answers {'ok'}, or {'held', holder, age ms} leaving it untouched.
 */
export const CLAIM_SLUG = new LuaScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local holder = redis.call('HGET', KEYS[1], 'id')
if holder and holder ~= ARGV[1] and holder ~= ARGV[2] then
  return {'held', holder, tostring(now - tonumber(redis.call('HGET', KEYS[1], 'at') or now))}
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'at', now)
return {'ok'}`);

/** KEYS: slug. ARGV: id. Frees the slug if this id holds it; 1 when freed. */
export const RELEASE_SLUG = new LuaScript(`
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`);

/**
 * KEYS: link. ARGV: json, loc, claimed ('1' when the caller holds loc's slug). Replaces the record but not
 * its clicks; answers the loc it had, {'moved', loc} when it sits elsewhere and loc was not claimed, or nil.
 */
export const REWRITE_LINK = new LuaScript(`
local from = redis.call('HGET', KEYS[1], 'loc')
if not from then return false end
if ARGV[3] ~= '1' and from ~= ARGV[2] then return {'moved', from} end
redis.call('HSET', KEYS[1], 'json', ARGV[1], 'loc', ARGV[2])
return {'ok', from}`);

/** KEYS: link. ARGV: max. Adds one click while below max; the new count, or nil. */
export const CONSUME_CLICK = new LuaScript(`
local clicks = redis.call('HGET', KEYS[1], 'clicks')
if not clicks or tonumber(clicks) >= tonumber(ARGV[1]) then return false end
return redis.call('HINCRBY', KEYS[1], 'clicks', 1)`);
