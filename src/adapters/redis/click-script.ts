import type { ClickIncrement } from "../../domain/click/click.js";
import { BOTS_FIELD, CLICKS_FIELD, dimensionField } from "./click-fields.js";
import { LuaScript } from "./lua-script.js";
import type { RedisKeys } from "./redis-keys.js";

/** How long a link-day's guard lives: 48 hours, past the 24 the ClickStore port promises. */
export const BATCH_GUARD_TTL_S = 172_800;

/**
 * KEYS: guard, day counters, day visitors, days, and optionally the link's record: when given and missing (the
 * link was deleted), nothing is written and the answer is 0, so clicks still pending for a deleted link cannot
 * bring its counters back. ARGV: guard TTL (s), day, field count n, n field and count
 * pairs, then the visitors; ARGV[1] is preceded by the guard mode: for a batch id `<source>.<sequence>` the
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
local last = 6 + 2 * tonumber(ARGV[6])
for i = 7, last, 2 do redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1]) end
for i = last + 1, #ARGV, 1000 do
  redis.call('PFADD', KEYS[3], unpack(ARGV, i, math.min(i + 999, #ARGV)))
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
  const counters: (string | number)[] = [];
  if (increment.clicks !== 0) counters.push(CLICKS_FIELD, increment.clicks);
  if (increment.botClicks !== 0) counters.push(BOTS_FIELD, increment.botClicks);
  for (const [dimension, values] of increment.dimensions) {
    for (const [value, count] of values) counters.push(dimensionField(dimension, value), count);
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
    args: [...guard.args, BATCH_GUARD_TTL_S, day, counters.length / 2, ...counters, ...increment.visitors],
  };
}
