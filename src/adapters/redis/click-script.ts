import { type ClickIncrement, OVERFLOW_VALUE } from "../../domain/click/click.js";
import { STORED_VALUES_PER_DIMENSION } from "../../domain/click/stored-value.js";
import { BOTS_FIELD, CLICKS_FIELD, dimensionField, namedCountField } from "./click-fields.js";
import { LuaScript } from "./lua-script.js";
import type { RedisKeys } from "./redis-keys.js";

/** How long a link-day's guard lives: 48 hours, past the 24 the ClickStore port promises. */
export const BATCH_GUARD_TTL_S = 172_800;

/**
 * KEYS: guard, day counters, day visitors, days, and optionally the link's record: when given and missing (the
 * link was deleted), nothing is written and the answer is 0, so clicks still pending for a deleted link cannot
 * bring its counters back. ARGV: guard mode, source, sequence (below), guard TTL (s), day, the cap on named
 * values per dimension, a count p and p total field and count pairs, a count g and g dimension groups (its
 * `Other` field, its named-values count field, a count m and m value field and count pairs, in the fold's
 * order), then the visitors. A value field the day lacks is created only while the dimension holds fewer named
 * values than the cap (the domain's `storedValue`, first come keeps its slot); past it the count goes to
 * `Other`. For the guard: for a batch id `<source>.<sequence>` the
 * guard is one hash per link and day holding each source's highest applied sequence (a recorder never sends
 * a later batch before an earlier one was accepted), so a busy link costs one small key a day, not one per
 * flush; any other id gets a key of its own, set with NX. Answers 1 when applied, 0 when already applied.
 * PFADD goes by chunks: Lua's unpack has a bound on its results.
 */
export const ADD_CLICKS = new LuaScript(`
if KEYS[5] and redis.call('EXISTS', KEYS[5]) == 0 then return 0 end
local mode, source, sequence = ARGV[1], ARGV[2], tonumber(ARGV[3])
if mode == 'seq' then
  local last = tonumber(redis.call('HGET', KEYS[1], source) or '-1')
  if sequence <= last then return 0 end
  redis.call('HSET', KEYS[1], source, sequence)
  redis.call('EXPIRE', KEYS[1], ARGV[4])
elseif not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[4]) then
  return 0
end
local cap, i = tonumber(ARGV[6]), 8
for _ = 1, tonumber(ARGV[7]) do
  redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
local groups = tonumber(ARGV[i])
i = i + 1
for _ = 1, groups do
  local other, named, values = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local held, added = tonumber(redis.call('HGET', KEYS[2], named) or '0'), 0
  i = i + 3
  for _ = 1, values do
    local field = ARGV[i]
    if field ~= other and redis.call('HEXISTS', KEYS[2], field) == 0 then
      if held + added < cap then added = added + 1 else field = other end
    end
    redis.call('HINCRBY', KEYS[2], field, ARGV[i + 1])
    i = i + 2
  end
  if added > 0 then redis.call('HINCRBY', KEYS[2], named, added) end
end
for j = i, #ARGV, 1000 do
  redis.call('PFADD', KEYS[3], unpack(ARGV, j, math.min(j + 999, #ARGV)))
end
redis.call('SADD', KEYS[4], ARGV[5])
return 1`);

const SEQUENCED = /^(.+)\.([0-9a-z]{1,10})$/;

/** What one run of {@link ADD_CLICKS} is given. */
export interface ScriptCall {
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
}

/**
 * The run of {@link ADD_CLICKS} that applies one increment of a batch; every key has the link's tag. With
 * `requireLink`, the increment applies only while the link's record exists.
 */
export function addClicksCall(
  keys: RedisKeys,
  increment: ClickIncrement,
  batchId: string,
  requireLink = false,
): ScriptCall {
  const { linkId, day } = increment;
  const totals: (string | number)[] = [];
  if (increment.clicks !== 0) totals.push(CLICKS_FIELD, increment.clicks);
  if (increment.botClicks !== 0) totals.push(BOTS_FIELD, increment.botClicks);
  const groups: (string | number)[] = [increment.dimensions.size];
  for (const [dimension, values] of increment.dimensions) {
    groups.push(dimensionField(dimension, OVERFLOW_VALUE), namedCountField(dimension), values.size);
    for (const [value, count] of values) groups.push(dimensionField(dimension, value), count);
  }
  const sequenced = SEQUENCED.exec(batchId);
  const guard =
    sequenced?.[1] !== undefined && sequenced[2] !== undefined
      ? { key: keys.linkGuard(linkId, day), args: ["seq", sequenced[1], Number.parseInt(sequenced[2], 36)] }
      : { key: keys.linkBatch(linkId, batchId, day), args: ["id", batchId, 0] };
  const counted = [
    guard.key,
    keys.linkDay(linkId, day),
    keys.linkVisitors(linkId, day),
    keys.linkDays(linkId),
  ];
  return {
    keys: requireLink ? [...counted, keys.link(linkId)] : counted,
    args: [
      ...guard.args,
      BATCH_GUARD_TTL_S,
      day,
      STORED_VALUES_PER_DIMENSION,
      totals.length / 2,
      ...totals,
      ...groups,
      ...increment.visitors,
    ],
  };
}
