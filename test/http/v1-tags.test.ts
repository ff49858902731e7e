/** Titles and tags on links, `GET /v1/links` by tag and `q`, `GET /v1/tags`: on each store, accounts apart. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectV1Error, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { memoryAndRedisStores } from "../support/store-variants.js";
import { BODY_KEYS, KEY as CLIENT_KEY, clientPost, expectSuccess } from "./client-api-requests.js";

const KEY = "hxk_v1_tags_suite_key_000001";
const RIVAL_KEY = "hxk_v1_tags_suite_rival_0001";

// The first variant is the default store: memory, or MongoDB when test/http/mongodb runs this file.
const STORES = memoryAndRedisStores("tags").map((variant) =>
  variant.name === "memory" ? { ...variant, name: "default store" } : variant,
);

type Page = { success: boolean; links: V1Link[]; next_cursor: string | null };

describe.each(STORES)("link titles, tags and search ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let api: ApiClient;
  let rival: ApiClient;

  beforeAll(async () => {
    if (skip) return;
    const bundle = await stores();
    server = await startServer({
      apiKeys: [
        { accountId: "acme", key: KEY },
        { accountId: "acme", key: CLIENT_KEY },
        { accountId: "rival", key: RIVAL_KEY },
      ],
      settings: { rateLimits: RELAXED_LIMITS },
      ...(bundle === undefined ? {} : { stores: bundle }),
    });
    api = new ApiClient(server.url, KEY);
    rival = new ApiClient(server.url, RIVAL_KEY);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Every link of a listing, following next_cursor. */
  async function listAll(client: ApiClient, query: string): Promise<V1Link[]> {
    const seen: V1Link[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const after: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
      const response = await client.get<Page>(`/v1/links?limit=2${query}${after}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      seen.push(...response.body.links);
      cursor = response.body.next_cursor;
      if (cursor === null) return seen;
    }
    throw new Error("The listing never ended.");
  }

  it.skipIf(skip)(
    "stores a title and tags (lower-case, each once) and shows them in the link object",
    async () => {
      const link = await api.createLink({
        url: "https://example.com/spring",
        custom_slug: "spring-sale",
        title: "Spring Sale 🌷",
        tags: ["Promo", "spring", "PROMO"],
      });
      expect(link).toMatchObject({ title: "Spring Sale 🌷", tags: ["promo", "spring"] });
      const read = await api.get<{ link: V1Link }>(`/v1/links/${link.id}`);
      expect(read.body.link).toEqual(link);
      const plain = await api.createLink({ url: "https://example.com/plain" });
      expect(plain).toMatchObject({ title: null, tags: [] });
    },
  );

  it.skipIf(skip)("changes them with PATCH: tags replaced, a null title removed", async () => {
    const link = await api.createLink({ url: "https://example.com/edit", title: "Before", tags: ["a"] });
    const patched = await api.patch<{ link: V1Link }>(`/v1/links/${link.id}`, {
      title: null,
      tags: ["b", "c"],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.link).toMatchObject({ title: null, tags: ["b", "c"] });
    const again = await api.patch<{ link: V1Link }>(`/v1/links/${link.id}`, { title: "After" });
    expect(again.body.link).toMatchObject({ title: "After", tags: ["b", "c"] });
    await api.delete(`/v1/links/${link.id}`);
  });

  it.skipIf(skip)("refuses bad titles and tags with invalid_request, writing nothing", async () => {
    const refused = [
      { title: "x".repeat(201) },
      { title: 7 },
      { tags: ["has space"] },
      { tags: ["x".repeat(51)] },
      { tags: [""] },
      { tags: Array.from({ length: 21 }, (_, index) => `t${index}`) },
      { tags: "promo" },
    ];
    for (const extra of refused) {
      const response = await api.post("/v1/links", { url: "https://example.com/bad", ...extra });
      expectV1Error(response, "invalid_request");
    }
    expect((await api.get<{ tags: unknown[] }>("/v1/tags")).body.tags).not.toContainEqual(
      expect.objectContaining({ name: "t20" }),
    );
  });

  it.skipIf(skip)("lists by tag (every tag given, any letter case) and by q, page after page", async () => {
    const made = [
      await api.createLink({ url: "https://news.example/a", custom_slug: "q-alpha", tags: ["red", "blue"] }),
      await api.createLink({ url: "https://news.example/b", custom_slug: "q-beta", tags: ["red"] }),
      await api.createLink({ url: "https://shop.example/c", custom_slug: "q-gamma", tags: ["red", "blue"] }),
      await api.createLink({ url: "https://shop.example/d", title: "Gamma RAY", tags: ["blue"] }),
    ];
    const ids = (links: readonly V1Link[]) => links.map((link) => link.id);
    const [alpha, beta, gamma, ray] = made.map((link) => link.id);
    expect(ids(await listAll(api, "&tag=red&tag=BLUE"))).toEqual([gamma, alpha]);
    expect(ids(await listAll(api, "&tag=red"))).toEqual([gamma, beta, alpha]);
    expect(ids(await listAll(api, "&q=GAMMA"))).toEqual([ray, gamma]);
    expect(ids(await listAll(api, "&q=news.EXAMPLE"))).toEqual([beta, alpha]);
    expect(ids(await listAll(api, "&q=gamma&tag=red"))).toEqual([gamma]);
    expect(await listAll(api, "&tag=nobody")).toEqual([]);
    expect(await listAll(rival, "&tag=red")).toEqual([]);
    expectV1Error(await api.get("/v1/links?tag=not%20a%20tag"), "invalid_request");
    expectV1Error(await api.get(`/v1/links?q=${"x".repeat(201)}`), "invalid_request");
  });

  it.skipIf(skip)("GET /v1/tags counts each tag's links, by name, per account", async () => {
    const response = await api.get<{ success: boolean; tags: { name: string; links: number }[] }>("/v1/tags");
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["success", "tags"]);
    const names = response.body.tags.map((tag) => tag.name);
    expect(names).toEqual([...names].sort());
    const count = (name: string) => response.body.tags.find((tag) => tag.name === name)?.links;
    expect([count("red"), count("blue"), count("promo"), count("a")]).toEqual([3, 3, 1, undefined]);

    const temporary = await api.createLink({ url: "https://example.com/tmp", tags: ["red", "fresh"] });
    await api.delete(`/v1/links/${temporary.id}`);
    const after = await api.get<{ tags: { name: string; links: number }[] }>("/v1/tags");
    expect(after.body.tags).toEqual(response.body.tags);

    await rival.createLink({ url: "https://example.com/rival", tags: ["red"] });
    expect((await rival.get("/v1/tags")).body).toEqual({ success: true, tags: [{ name: "red", links: 1 }] });
  });

  it.skipIf(skip)("the client API ignores titles and tags: its answers are unchanged", async () => {
    const link = await api.createLink({ url: "https://example.com/client", title: "T", tags: ["client"] });
    const details = expectSuccess(
      await clientPost(server, "/url/get", { short_url: link.short_url }),
      BODY_KEYS.get,
    );
    expect(details).toEqual({
      short_url: link.short_url,
      long_url: link.long_url,
      track_url: link.tracking_url,
      tracking_id: link.id,
    });
  });
});
