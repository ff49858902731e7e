import { describe, expect, it } from "vitest";
import { redisStores } from "../../src/adapters/redis/redis-stores.js";
import { aLink } from "../support/builders.js";
import type { RedisBackend } from "../support/redis-backend.js";

/** Reaching a Redis Cluster from a URL, on the cluster backend. */
export function redisClusterUrlCases(backend: () => RedisBackend): void {
  describe("REDIS_URL with ?cluster=true", () => {
    it("reaches a Redis Cluster from the URL of one node, keys spread over its masters", async () => {
      const stores = redisStores({ url: `${backend().url}?cluster=true`, prefix: `url-${Date.now()}:` });
      try {
        const links = Array.from({ length: 12 }, (_, index) =>
          aLink()
            .withId(`lnk_cluster${String(index).padStart(10, "0")}`)
            .withSlug(`slug-${index}`)
            .build(),
        );
        for (const link of links) await stores.links.create(link);
        for (const link of links)
          expect((await stores.links.findBySlug(link.domain, link.slug))?.id).toBe(link.id);
        await stores.ping();
      } finally {
        await stores.close();
      }
    });
  });
}
