import type { ClickStore } from "../../application/ports/click-store.js";
import { type ClickIncrement, type CountedDimension, mergeIncrements } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import { isScopeId, withScopes } from "../../domain/click/click-scope.js";
import { type Day, type DayRange, daysOf } from "../../domain/time/day.js";
import { BOTS_FIELD, CLICKS_FIELD, parseDimensionField } from "./click-fields.js";
import { ADD_CLICKS, addClicksCall, type ScriptCall } from "./click-script.js";
import { isNoScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** Options of {@link RedisClickStore}. */
export interface RedisClickStoreOptions {
  /**
   * Count a link's clicks only while its record (`P{l:<id>}`, written by RedisLinkRepository on the same keys)
   * exists, so that clicks flushed after the link was deleted do not bring its counters back (default false:
   * the store alone knows no links; `redisStores()` turns it on).
   */
  readonly requireLink?: boolean;
}

/**
 * Click counters: per link and UTC day a hash of totals and dimension values and a HyperLogLog of visitors,
 * all under the link's hash tag. Each increment is one Lua script that first sets a guard key naming the
 * batch, link and day, and does nothing when that guard exists: a retried batch is never counted twice.
 */
export class RedisClickStore implements ClickStore {
  private readonly requireLink: boolean;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
    options: RedisClickStoreOptions = {},
  ) {
    this.requireLink = options.requireLink ?? false;
  }

  async add(batch: readonly ClickIncrement[], batchId: string): Promise<void> {
    // The guard is per batch and link-day: two increments of one link-day must go as one.
    const increments = withScopes(mergeIncrements(batch));
    if (increments.length === 0) return;
    // One pipeline for the flush; on a cluster one per link, since a cluster pipeline goes to one node.
    const groups = this.client.isCluster ? byLink(increments) : [increments];
    await guarded(async () => {
      await Promise.all(
        groups.map((group) =>
          this.send(
            group.map((one) =>
              addClicksCall(this.keys, one, batchId, this.requireLink && !isScopeId(one.linkId)),
            ),
          ),
        ),
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

  private async send(calls: readonly ScriptCall[]): Promise<void> {
    const pipeline = this.client.pipeline();
    for (const call of calls) ADD_CLICKS.queue(pipeline, call.keys, call.args);
    const results = await pipeline.exec();
    if (results === null) throw new Error("The pipeline was discarded.");
    // NOSCRIPT (a node restarted or new) means that script did not run: run it again, loading it.
    await Promise.all(
      results.map(async ([error], index) => {
        const call = calls[index];
        if (error === null) return;
        if (call === undefined || !isNoScript(error)) throw error;
        await ADD_CLICKS.run(this.client, call.keys, call.args);
      }),
    );
  }
}

function byLink(increments: readonly ClickIncrement[]): ClickIncrement[][] {
  const groups = new Map<string, ClickIncrement[]>();
  for (const increment of increments) {
    const group = groups.get(increment.linkId);
    if (group === undefined) groups.set(increment.linkId, [increment]);
    else group.push(increment);
  }
  return [...groups.values()];
}

/** The replies of a pipeline, or its first error thrown. */
function failed(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error("The pipeline was discarded.");
  for (const [error] of results) if (error !== null) throw error;
  return results.map(([, reply]) => reply);
}

function countsOf(days: readonly Day[], replies: readonly unknown[]): ClickCounts {
  const perDay = new Map<Day, { clicks: number; botClicks: number }>();
  const dimensions = new Map<CountedDimension, Map<string, number>>();
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
