import { randomUUID } from "node:crypto";
import {
  DEAD_LETTERS_KEPT,
  type EventOutbox,
  type LeasedEvent,
  type OutboxEvent,
} from "../../application/ports/webhook-outbox.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import { LuaScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** Shards of the outbox: each a slot of its own, so a Redis Cluster spreads the queue over its masters. */
export const OUTBOX_SHARDS = 8;

const DATES: readonly (keyof OutboxEvent & string)[] = ["createdAt", "nextAttemptAt"];

// KEYS: due, events, leases. A lease pushes the due score to its expiry: a holder that dies lets it fall due again.
const LEASE = new LuaScript(`
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local json = redis.call('HGET', KEYS[2], id)
  if json then
    redis.call('ZADD', KEYS[1], ARGV[3], id)
    redis.call('HSET', KEYS[3], id, ARGV[4])
    out[#out + 1] = json
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out
`);

const HELD = `if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
`;

const ACKNOWLEDGE = new LuaScript(`${HELD}
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
`);

const RESCHEDULE = new LuaScript(`${HELD}
redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
`);

/**
 * The webhook outbox in Redis, in {@link OUTBOX_SHARDS} shards chosen by endpoint: per shard a sorted set of due
 * times, a hash of events and a hash of lease tokens, changed only by Lua scripts, so a lease is exclusive and an
 * acknowledgement or reschedule under a lost lease does nothing. Times come from the caller's clock.
 */
export class RedisEventOutbox implements EventOutbox {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async append(events: readonly OutboxEvent[]): Promise<void> {
    const byShard = new Map<number, OutboxEvent[]>();
    for (const event of events) {
      const shard = shardOf(event.endpointId);
      byShard.set(shard, [...(byShard.get(shard) ?? []), event]);
    }
    await guarded(async () => {
      for (const [shard, list] of byShard) {
        const { due, events: bodies } = this.keys.outbox(shard);
        const transaction = this.client.multi();
        for (const event of list) {
          transaction.hset(bodies, event.id, encodeRecord(event));
          transaction.zadd(due, event.nextAttemptAt.getTime(), event.id);
        }
        const replies = await transaction.exec();
        const failed = replies?.find(([error]) => error !== null)?.[0];
        if (replies === null || failed) throw failed ?? new Error("outbox append aborted");
      }
    });
  }

  async lease(now: Date, max: number, leaseMs: number): Promise<LeasedEvent[]> {
    if (max <= 0) return [];
    return guarded(async () => {
      const token = randomUUID();
      const until = now.getTime() + leaseMs;
      const args = [now.getTime(), max, until, token];
      // Every shard is asked at once for up to `max` (one round trip; a failure leaves what the others leased to
      // its lease's expiry); the earliest `max` of them are kept and the rest handed back at once.
      const replies = await Promise.all(
        shards().map((shard) => {
          const { due, events, leases } = this.keys.outbox(shard);
          return LEASE.run(this.client, [due, events, leases], args) as Promise<string[]>;
        }),
      );
      const leased: LeasedEvent[] = replies
        .flat()
        .map((text) => ({ event: decodeRecord<OutboxEvent>(text, DATES), lease: token }));
      leased.sort(
        (a, b) =>
          a.event.nextAttemptAt.getTime() - b.event.nextAttemptAt.getTime() ||
          (a.event.id < b.event.id ? -1 : 1),
      );
      const extra = leased.splice(max);
      for (const item of extra) await this.reschedule(item, item.event.nextAttemptAt, item.event.attempts);
      return leased;
    });
  }

  async acknowledge(leased: LeasedEvent): Promise<boolean> {
    const { due, events, leases } = this.keys.outbox(shardOf(leased.event.endpointId));
    const done = await guarded(() =>
      ACKNOWLEDGE.run(this.client, [due, events, leases], [leased.event.id, leased.lease]),
    );
    return done === 1;
  }

  async reschedule(leased: LeasedEvent, at: Date, attempts: number): Promise<boolean> {
    const { due, events, leases } = this.keys.outbox(shardOf(leased.event.endpointId));
    const next = encodeRecord({ ...leased.event, attempts, nextAttemptAt: at });
    const done = await guarded(() =>
      RESCHEDULE.run(this.client, [due, events, leases], [leased.event.id, leased.lease, at.getTime(), next]),
    );
    return done === 1;
  }

  async fail(leased: LeasedEvent, attempts: number): Promise<boolean> {
    if (!(await this.acknowledge(leased))) return false;
    // Another slot: kept after the removal, so a crash in between loses a dead letter, never redelivers one.
    const dead = this.keys.outboxDead();
    await guarded(async () => {
      await this.client.lpush(dead, encodeRecord({ ...leased.event, attempts }));
      await this.client.ltrim(dead, 0, DEAD_LETTERS_KEPT - 1);
    });
    return true;
  }

  async failed(limit: number): Promise<OutboxEvent[]> {
    if (limit <= 0) return [];
    const texts = await guarded(() => this.client.lrange(this.keys.outboxDead(), 0, limit - 1));
    return texts.map((text) => decodeRecord<OutboxEvent>(text, DATES));
  }

  async size(): Promise<number> {
    return guarded(async () => {
      const counts = await Promise.all(
        shards().map((shard) => this.client.zcard(this.keys.outbox(shard).due)),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    });
  }
}

/** Every shard number. */
function shards(): number[] {
  return Array.from({ length: OUTBOX_SHARDS }, (_, shard) => shard);
}

/** The shard of an endpoint's messages (FNV-1a of its id): one endpoint's messages stay in one shard. */
export function shardOf(endpointId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < endpointId.length; i++) {
    hash ^= endpointId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % OUTBOX_SHARDS;
}
