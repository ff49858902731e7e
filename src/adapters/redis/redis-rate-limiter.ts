import type { RateLimiter } from "../../application/ports/rate-limiter.js";
import type { RateWindow } from "../../domain/rate-limit/rate-window.js";
import { LuaScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/**
 * How long (ms) a counter outlives its window's reset. The window id already tells one window from the next, so
 * the expiry only collects old counters; the grace keeps a counter alive when Redis's clock is ahead of this
 * instance's or a request arrives just as its window ends, which would otherwise expire the key at once and
 * let every request count 1.
 */
export const RATE_KEY_GRACE_MS = 60_000;

/**
 * KEYS: one counter per window. ARGV: per window its limit and time to live (ms, relative, so that Redis's
 * clock does not matter). Counts, incremented only if all fit.
 */
const CONSUME = new LuaScript(`
local counts = {}
local fits = true
for i, key in ipairs(KEYS) do
  counts[i] = tonumber(redis.call('GET', key) or '0') + 1
  if counts[i] > tonumber(ARGV[2 * i - 1]) then fits = false end
end
if fits then
  for i, key in ipairs(KEYS) do
    redis.call('INCR', key)
    redis.call('PEXPIRE', key, ARGV[2 * i])
  end
end
return counts`);

/** Fixed-window counters shared by every instance: one Lua script checks and counts all windows at once. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async consume(subject: string, windows: readonly RateWindow[]): Promise<number[]> {
    if (windows.length === 0) return [];
    return guarded(async () => {
      const keys = windows.map((window) => this.keys.rate(subject, window.id));
      const now = Date.now();
      const args = windows.flatMap((window) => [
        window.limit,
        Math.max(0, window.resetAt.getTime() - now) + RATE_KEY_GRACE_MS,
      ]);
      const reply = await CONSUME.run(this.client, keys, args);
      return Array.isArray(reply) ? reply.map(Number) : [];
    });
  }
}
