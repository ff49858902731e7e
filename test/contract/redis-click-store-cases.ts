import { describe, expect, it } from "vitest";
import { RedisClickStore } from "../../src/adapters/redis/redis-click-store.js";
import { redisStores } from "../../src/adapters/redis/redis-stores.js";
import { type ClickIncrement, foldClicks } from "../../src/domain/click/click.js";
import { aLink } from "../support/builders.js";
import type { RedisBackend } from "../support/redis-backend.js";
import { freshKeys } from "../support/redis-contracts.js";

const DAY = "2026-03-15";
const RANGE = { start: DAY, end: DAY };

function clicksOf(linkId: string, count: number): ClickIncrement[] {
  return foldClicks(
    Array.from({ length: count }, (_, index) => ({
      linkId,
      day: DAY,
      bot: false,
      device: "Mobile",
      os: "iOS",
      browser: "Safari",
      country: "FR",
      referrer: "Direct",
      visitor: `v${index}`,
      target: "default",
    })),
  );
}

/** The Redis click store's own cases: clicks of links whose record is gone. */
export function redisClickStoreCases(backend: () => RedisBackend): void {
  describe("RedisClickStore and link records", () => {
    it("with requireLink, stores nothing at all for a link whose record does not exist", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const store = new RedisClickStore(client, keys, { requireLink: true });
      await store.add(clicksOf("lnk_missing", 3), "source.1");
      expect((await store.query("lnk_missing", RANGE)).days.size).toBe(0);
      // No counters, visitors, days set or guard were created.
      expect(await client.keys(`${keys.prefix}*`)).toEqual([]);

      await client.hset(keys.link("lnk_there"), { json: "{}", loc: "sho.rt/there", clicks: "0" });
      await store.add(clicksOf("lnk_there", 2), "source.2");
      expect([...(await store.query("lnk_there", RANGE)).days]).toEqual([[DAY, { clicks: 2, botClicks: 0 }]]);
    });

    it("without requireLink (the default), counts clicks of any link id", async () => {
      const store = new RedisClickStore(backend().client, freshKeys());
      await store.add(clicksOf("lnk_any", 2), "source.1");
      expect((await store.query("lnk_any", RANGE)).days.get(DAY)).toEqual({ clicks: 2, botClicks: 0 });
    });

    it("redisStores(): clicks flushed after the link was deleted do not bring its counts back", async () => {
      const { client } = backend();
      const keys = freshKeys();
      const stores = redisStores({ client, prefix: keys.prefix });
      const link = aLink().build();
      await stores.links.create(link);
      await stores.clicks.add(clicksOf(link.id, 2), "source.1");
      expect((await stores.clicks.query(link.id, RANGE)).days.get(DAY)).toEqual({ clicks: 2, botClicks: 0 });

      // DeleteLink: the record, then the counts; then the recorder flushes clicks it still held.
      expect(await stores.links.delete(link.id)).toBe(true);
      await stores.clicks.deleteLink(link.id);
      await stores.clicks.add(clicksOf(link.id, 3), "source.2");
      const counts = await stores.clicks.query(link.id, RANGE);
      expect(counts.days.size).toBe(0);
      expect(counts.uniqueClicks).toBe(0);
      // Only the first batch's guard is left, and it expires on its own.
      const guard = keys.linkGuard(link.id, DAY);
      expect(await client.keys(`${keys.prefix}{l:*`)).toEqual([guard]);
      expect(await client.ttl(guard)).toBeGreaterThan(0);
      await stores.close();
    });
  });
}
