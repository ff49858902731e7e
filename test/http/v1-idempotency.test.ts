import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisStores } from "../../src/adapters/redis/index.js";
import { ApiClient, expectV1Error, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { type RedisServer, redisAvailable, startRedisServer } from "../support/redis-server.js";
import { defaultAndRedisStores, useTwoAccountServer } from "./two-account-server.js";

const KEY = "hxk_v1_idempotency_key_0001";
const OTHER_KEY = "hxk_v1_idempotency_key_0002";

type Created = { success: true; link: V1Link };

describe.each(defaultAndRedisStores("idempotency"))(
  "Idempotency-Key on creates ($name)",
  ({ stores, skip }) => {
    const running = useTwoAccountServer([KEY, OTHER_KEY], stores, skip);

    const create = (client: ApiClient, key: string, body: unknown) =>
      client.send<Created>("POST", "/v1/links", body, { "idempotency-key": key });
    const count = async (client: ApiClient) =>
      (await client.get<{ links: V1Link[] }>("/v1/links?limit=100")).body.links.length;

    it.skipIf(skip)(
      "answers a retry with the first answer, byte for byte, and creates nothing more",
      async () => {
        const before = await count(running.api);
        const first = await create(running.api, "retry-1", { url: "https://example.com/once" });
        expect(first.status).toBe(201);
        expect(first.headers.get("idempotent-replayed")).toBeNull();
        // The same body with its keys in another order is the same request.
        const again = await create(running.api, "retry-1", { url: "https://example.com/once" });
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
        expect(again.headers.get("idempotent-replayed")).toBe("true");
        expect(await count(running.api)).toBe(before + 1);
      },
    );

    it.skipIf(skip)("treats the same body with its keys in another order as the same request", async () => {
      const first = await create(running.api, "order-1", {
        url: "https://example.com/order",
        custom_slug: "key-order",
      });
      const again = await create(running.api, "order-1", {
        custom_slug: "key-order",
        url: "https://example.com/order",
      });
      expect(first.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });

    it.skipIf(skip)("refuses the same key with another body: 409 idempotency_conflict", async () => {
      await create(running.api, "conflict-1", { url: "https://example.com/a" });
      const before = await count(running.api);
      const answer = await create(running.api, "conflict-1", { url: "https://example.com/b" });
      expectV1Error(answer, "idempotency_conflict");
      expect(await count(running.api)).toBe(before);
    });

    it.skipIf(skip)("replays a refusal too: a taken slug stays the answer of its key", async () => {
      await running.api.createLink({ url: "https://example.com/taken", custom_slug: "idem-taken" });
      const first = await create(running.api, "refusal-1", {
        url: "https://example.com/x",
        custom_slug: "idem-taken",
      });
      expectV1Error(first, "slug_taken");
      const again = await create(running.api, "refusal-1", {
        url: "https://example.com/x",
        custom_slug: "idem-taken",
      });
      expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
      expect(again.headers.get("idempotent-replayed")).toBe("true");
    });

    it.skipIf(skip)("keeps keys per account: another account's same key creates its own link", async () => {
      const mine = await create(running.api, "shared-key", { url: "https://example.com/shared" });
      const theirs = await create(running.other, "shared-key", { url: "https://example.com/shared" });
      expect(mine.status).toBe(201);
      expect(theirs.status).toBe(201);
      expect(theirs.body.link.id).not.toBe(mine.body.link.id);
    });

    it.skipIf(skip)(
      "does not replay one key's answer to a key of other reach, nor keep a refusal for a missing scope",
      async () => {
        const mint = async (scopes: string[], domains?: string[]) =>
          new ApiClient(
            running.server.url,
            (
              await running.server.hexlink.createApiKey.execute({
                accountId: "acme",
                scopes,
                ...(domains === undefined ? {} : { domains }),
              })
            ).key,
          );
        const first = await create(running.api, "reach-1", { url: "https://example.com/reach" });
        expect(first.status).toBe(201);
        const narrower = await mint(["links:read", "links:write"], ["sho.rt"]);
        expectV1Error(
          await create(narrower, "reach-1", { url: "https://example.com/reach" }),
          "idempotency_conflict",
        );
        const reader = await mint(["links:read"]);
        for (let i = 0; i < 2; i += 1) {
          const refused = await create(reader, "reach-2", { url: "https://example.com/reader" });
          expectV1Error(refused, "forbidden");
          expect(refused.headers.get("idempotent-replayed")).toBeNull();
        }
      },
    );

    it.skipIf(skip)("takes keys of 1 to 255 characters; a longer one is 400 invalid_request", async () => {
      expect(
        (await create(running.api, "k".repeat(255), { url: "https://example.com/long-key" })).status,
      ).toBe(201);
      expectV1Error(
        await create(running.api, "k".repeat(256), { url: "https://example.com/long-key" }),
        "invalid_request",
      );
    });

    it.skipIf(skip)("creates two links for two requests without a key", async () => {
      const before = await count(running.api);
      await running.api.createLink({ url: "https://example.com/twice" });
      await running.api.createLink({ url: "https://example.com/twice" });
      expect(await count(running.api)).toBe(before + 2);
    });

    it.skipIf(skip)(
      "of concurrent requests with one key, one creates; the others replay it or answer 409",
      async () => {
        const before = await count(running.api);
        const answers = await Promise.all(
          Array.from({ length: 12 }, () =>
            create(running.api, "race-1", { url: "https://example.com/race" }),
          ),
        );
        const created = answers.filter((answer) => answer.status === 201);
        const busy = answers.filter((answer) => answer.status === 409);
        expect(created.length + busy.length).toBe(answers.length);
        expect(new Set(created.map((answer) => answer.body.link.id)).size).toBe(1);
        for (const answer of busy) {
          expectV1Error(answer, "idempotency_conflict");
          expect(answer.headers.get("retry-after")).toBe("1");
        }
        expect(await count(running.api)).toBe(before + 1);
        // Once the first has answered, a retry replays it.
        const later = await create(running.api, "race-1", { url: "https://example.com/race" });
        expect(later.body.link.id).toBe(created[0]?.body.link.id);
      },
    );

    it.skipIf(skip)("makes a bulk create idempotent too", async () => {
      const body = { links: [{ url: "https://example.com/bulk-1" }, { url: "https://example.com/bulk-2" }] };
      const headers = { "idempotency-key": "bulk-retry-1" };
      const before = await count(running.api);
      const first = await running.api.send("POST", "/v1/links/bulk", body, headers);
      const again = await running.api.send("POST", "/v1/links/bulk", body, headers);
      expect(first.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await count(running.api)).toBe(before + 2);
      // The same key on another route is another request.
      expectV1Error(
        await create(running.api, "bulk-retry-1", { url: "https://example.com/bulk-1" }),
        "idempotency_conflict",
      );
    });
  },
);

describe.skipIf(!redisAvailable())("Idempotency-Key across instances sharing a Redis", () => {
  let redis: RedisServer;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    for (let instance = 0; instance < 2; instance++) {
      servers.push(
        await startServer({
          stores: redisStores({ url: redis.url, prefix: "idem-shared:" }),
          apiKeys: [{ accountId: "acme", key: KEY }],
          settings: { rateLimits: RELAXED_LIMITS },
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await redis?.stop();
  });

  it("creates one link for one key sent to two instances at once, and replays it on either", async () => {
    const [first, second] = servers.map((server) => new ApiClient(server.url, KEY));
    if (first === undefined || second === undefined) throw new Error("two instances expected");
    const body = { url: "https://example.com/two-instances" };
    const headers = { "idempotency-key": "across-1" };
    const answers = await Promise.all(
      [first, second, first, second].map((client) =>
        client.send<Created>("POST", "/v1/links", body, headers),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length + answers.filter((answer) => answer.status === 409).length).toBe(4);
    expect(new Set(created.map((answer) => answer.body.link.id)).size).toBe(1);
    const replayed = await second.send<Created>("POST", "/v1/links", body, headers);
    const again = await first.send<Created>("POST", "/v1/links", body, headers);
    expect(replayed.body).toEqual(again.body);
    const listed = await first.get<{ links: V1Link[] }>("/v1/links?limit=100");
    expect(listed.body.links.filter((link) => link.long_url === body.url)).toHaveLength(1);
  });
});
