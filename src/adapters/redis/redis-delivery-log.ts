import type { DeliveryLog, DeliveryRecord } from "../../application/ports/webhook-delivery-log.js";
import { DELIVERY_LOG_SIZE } from "../../domain/webhook/webhook.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import { LuaScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

const DATES: readonly (keyof DeliveryRecord & string)[] = ["createdAt", "nextAttemptAt"];

/** Writes a record and trims the endpoint's log to its newest ARGV[4], in one step. */
const RECORD = new LuaScript(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
local extra = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if extra > 0 then
  local old = redis.call('ZRANGE', KEYS[2], 0, extra - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, extra - 1)
  redis.call('HDEL', KEYS[1], unpack(old))
end
return 1
`);

/** The delivery log: per endpoint, a hash of records and a sorted set by creation time, in one slot. */
export class RedisDeliveryLog implements DeliveryLog {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async record(record: DeliveryRecord): Promise<void> {
    const { records, order } = this.keys.deliveryLog(record.endpointId);
    await guarded(() =>
      RECORD.run(
        this.client,
        [records, order],
        [record.id, encodeRecord(record), record.createdAt.getTime(), DELIVERY_LOG_SIZE],
      ),
    );
  }

  async list(endpointId: string): Promise<DeliveryRecord[]> {
    const { records, order } = this.keys.deliveryLog(endpointId);
    return guarded(async () => {
      const ids = await this.client.zrevrange(order, 0, -1);
      if (ids.length === 0) return [];
      const texts = await this.client.hmget(records, ...ids);
      return texts
        .filter((text): text is string => text !== null)
        .map((text) => decodeRecord<DeliveryRecord>(text, DATES));
    });
  }

  async deleteEndpoint(endpointId: string): Promise<void> {
    const { records, order } = this.keys.deliveryLog(endpointId);
    await guarded(() => this.client.del(records, order));
  }
}
