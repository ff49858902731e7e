import type { ClickIncrement } from "../../domain/click/click.js";
import { BOTS_FIELD, CLICKS_FIELD, dimensionField } from "./click-fields.js";
import { LuaScript } from "./lua-script.js";
import type { RedisKeys } from "./redis-keys.js";

/** How long a batch guard lives: 48 hours, past the 24 the ClickStore port promises. */
export const BATCH_GUARD_TTL_S = 172_800;

/**
 * KEYS: batch guard, day counters, day visitors, days. ARGV: guard TTL (s), day, field count n, n field and
 * count pairs, then the visitors. Sets the guard and applies the increment, unless the guard was set already;
 * answers 1 when applied, 0 when not. PFADD goes by chunks: Lua's unpack has a bound on its results.
 */
export const ADD_CLICKS = new LuaScript(`
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
local last = 3 + 2 * tonumber(ARGV[3])
for i = 4, last, 2 do redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1]) end
for i = last + 1, #ARGV, 1000 do
  redis.call('PFADD', KEYS[3], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
redis.call('SADD', KEYS[4], ARGV[2])
return 1`);

/** What one run of {@link ADD_CLICKS} is given. */
export interface ScriptCall {
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
}

/** The run of {@link ADD_CLICKS} that applies one increment of a batch; every key has the link's tag. */
export function addClicksCall(keys: RedisKeys, increment: ClickIncrement, batchId: string): ScriptCall {
  const { linkId, day } = increment;
  const counters: (string | number)[] = [];
  if (increment.clicks !== 0) counters.push(CLICKS_FIELD, increment.clicks);
  if (increment.botClicks !== 0) counters.push(BOTS_FIELD, increment.botClicks);
  for (const [dimension, values] of increment.dimensions) {
    for (const [value, count] of values) counters.push(dimensionField(dimension, value), count);
  }
  return {
    keys: [
      keys.linkBatch(linkId, batchId, day),
      keys.linkDay(linkId, day),
      keys.linkVisitors(linkId, day),
      keys.linkDays(linkId),
    ],
    args: [BATCH_GUARD_TTL_S, day, counters.length / 2, ...counters, ...increment.visitors],
  };
}
