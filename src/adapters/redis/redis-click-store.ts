import type { ChainableCommander } from "ioredis";
import type { ClickStore } from "../../application/ports/click-store.js";
import type { ClickIncrement, Dimension } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import { type Day, type DayRange, daysOf } from "../../domain/time/day.js";
import { BOTS_FIELD, CLICKS_FIELD, dimensionField, parseDimensionField } from "./click-fields.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/**
 * Click counters: per link and UTC day a hash of totals and dimension values and a HyperLogLog of visitors,
 * all under the link's hash tag. Each increment is one MULTI, so a retried flush counts again only the
 * increments whose transaction had landed before the failure.
 */
export class RedisClickStore implements ClickStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async add(increments: readonly ClickIncrement[]): Promise<void> {
    // Every transaction is written before any reply is awaited: one round trip for the whole flush.
    await guarded(async () => {
      await Promise.all(
        increments.map(async (increment) => failed(await this.transaction(increment).exec())),
      );
    });
  }

  async query(linkId: string, range: DayRange): Promise<ClickCounts> {
    return guarded(async () => {
      const days = daysOf(range);
      const pipeline = this.client.pipeline();
      for (const day of days) pipeline.hgetall(this.keys.linkDay(linkId, day));
      pipeline.pfcount(...days.map((day) => this.keys.linkVisitors(linkId, day)));
      const replies = failed(await pipeline.exec());
      return countsOf(days, replies);
    });
  }

  async deleteLink(linkId: string): Promise<void> {
    await guarded(async () => {
      const daysKey = this.keys.linkDays(linkId);
      const days = await this.client.smembers(daysKey);
      const keys = days.flatMap((day) => [
        this.keys.linkDay(linkId, day),
        this.keys.linkVisitors(linkId, day),
      ]);
      await this.client.del(daysKey, ...keys);
    });
  }

  private transaction(increment: ClickIncrement): ChainableCommander {
    const { linkId, day } = increment;
    const counts = this.keys.linkDay(linkId, day);
    const transaction = this.client.multi();
    if (increment.clicks !== 0) transaction.hincrby(counts, CLICKS_FIELD, increment.clicks);
    if (increment.botClicks !== 0) transaction.hincrby(counts, BOTS_FIELD, increment.botClicks);
    for (const [dimension, values] of increment.dimensions) {
      for (const [value, count] of values)
        transaction.hincrby(counts, dimensionField(dimension, value), count);
    }
    if (increment.visitors.size > 0) {
      transaction.pfadd(this.keys.linkVisitors(linkId, day), ...increment.visitors);
    }
    return transaction.sadd(this.keys.linkDays(linkId), day);
  }
}

/** The replies of a pipeline, or its first error thrown. */
function failed(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error("The pipeline was discarded.");
  for (const [error] of results) if (error !== null) throw error;
  return results.map(([, reply]) => reply);
}

function countsOf(days: readonly Day[], replies: readonly unknown[]): ClickCounts {
  const perDay = new Map<Day, { clicks: number; botClicks: number }>();
  const dimensions = new Map<Dimension, Map<string, number>>();
  days.forEach((day, index) => {
    const hash = (replies[index] ?? {}) as Record<string, string>;
    const clicks = Number(hash[CLICKS_FIELD] ?? 0);
    const botClicks = Number(hash[BOTS_FIELD] ?? 0);
    if (clicks !== 0 || botClicks !== 0) perDay.set(day, { clicks, botClicks });
    for (const [field, count] of Object.entries(hash)) {
      const parsed = parseDimensionField(field);
      if (parsed === null) continue;
      const values = dimensions.get(parsed.dimension) ?? new Map<string, number>();
      values.set(parsed.value, (values.get(parsed.value) ?? 0) + Number(count));
      dimensions.set(parsed.dimension, values);
    }
  });
  return { days: perDay, dimensions, uniqueClicks: Number(replies[days.length] ?? 0) };
}
