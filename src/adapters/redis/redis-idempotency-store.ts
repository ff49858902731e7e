import type {
  IdempotencyKey,
  IdempotencyStore,
  RecordedAnswer,
  Reservation,
} from "../../application/ports/idempotency-store.js";
import { LuaScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** What a key's string holds: the fingerprint (`f`) and, once answered, the status (`s`) and body (`b`). */
interface Stored {
  readonly f: string;
  readonly s?: number;
  readonly b?: string;
}

/** KEYS: entry. ARGV: fingerprint, json, ms. Replaces the entry only while it is this fingerprint's. */
const COMPLETE = new LuaScript(`
local stored = redis.call('GET', KEYS[1])
if not stored or cjson.decode(stored).f ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`);

/** KEYS: entry. ARGV: fingerprint. Deletes the entry while it is this fingerprint's and has no answer. */
const RELEASE = new LuaScript(`
local stored = redis.call('GET', KEYS[1])
if not stored then return 0 end
local entry = cjson.decode(stored)
if entry.f ~= ARGV[1] or entry.s ~= nil then return 0 end
return redis.call('DEL', KEYS[1])`);

/** Idempotency keys as Redis strings: `SET NX PX` reserves, Redis expires them. */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async reserve(key: IdempotencyKey, _now: Date, ttlMs: number): Promise<Reservation> {
    return guarded(async () => {
      const id = this.keys.idempotency(key.accountId, key.key);
      const entry = JSON.stringify({ f: key.fingerprint } satisfies Stored);
      // A key that expires between SET NX and GET is free again: try once more.
      for (let attempt = 0; attempt < 3; attempt++) {
        if ((await this.client.set(id, entry, "PX", ttlMs, "NX")) === "OK") return { kind: "reserved" };
        const stored = await this.client.get(id);
        if (stored !== null) return reservationOf(JSON.parse(stored) as Stored, key.fingerprint);
      }
      return { kind: "in_progress" };
    });
  }

  async complete(key: IdempotencyKey, answer: RecordedAnswer, _now: Date, ttlMs: number): Promise<void> {
    await guarded(async () => {
      const entry: Stored = { f: key.fingerprint, s: answer.status, b: answer.body };
      const id = this.keys.idempotency(key.accountId, key.key);
      await COMPLETE.run(this.client, [id], [key.fingerprint, JSON.stringify(entry), ttlMs]);
    });
  }

  async release(key: IdempotencyKey): Promise<void> {
    await guarded(async () => {
      await RELEASE.run(this.client, [this.keys.idempotency(key.accountId, key.key)], [key.fingerprint]);
    });
  }
}

function reservationOf(stored: Stored, fingerprint: string): Reservation {
  if (stored.f !== fingerprint) return { kind: "conflict" };
  if (stored.s === undefined || stored.b === undefined) return { kind: "in_progress" };
  return { kind: "replay", answer: { status: stored.s, body: stored.b } };
}
