/** `GET /v1/links`: pages, cursors and filters over one account's links. */
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectV1Error, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { server, useV1Server } from "./v1-servers.js";

const PAGER_KEY = "hxk_v1_links_pager_key_0001";

useV1Server(
  { apiKeys: [{ accountId: "pager", key: PAGER_KEY }], settings: { rateLimits: RELAXED_LIMITS } },
  PAGER_KEY,
);

describe("GET /v1/links", () => {
  const pager = () => new ApiClient(server.url, PAGER_KEY);
  let created: V1Link[] = [];

  beforeAll(async () => {
    created = [];
    for (let i = 0; i < 45; i++)
      created.push(await pager().createLink({ url: `https://example.com/p/${i}` }));
  });

  type Page = { success: boolean; links: V1Link[]; next_cursor: string | null };

  it("answers {success:true, links, next_cursor} with 20 links by default", async () => {
    const response = await pager().get<Page>("/v1/links");
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["links", "next_cursor", "success"]);
    expect(response.body.success).toBe(true);
    expect(response.body.links).toHaveLength(20);
    expect(response.body.next_cursor).toEqual(expect.any(String));
  });

  it("walks every page with the cursor: each link once, newest first, null cursor at the end", async () => {
    const seen: V1Link[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "?limit=7" : `?limit=7&cursor=${encodeURIComponent(cursor)}`;
      const response = await pager().get<Page>(`/v1/links${query}`);
      expect(response.status).toBe(200);
      seen.push(...response.body.links);
      sizes.push(response.body.links.length);
      cursor = response.body.next_cursor;
    } while (cursor !== null && sizes.length < 20);
    expect(sizes).toEqual([7, 7, 7, 7, 7, 7, 3]);
    expect(seen.map((link) => link.id).sort()).toEqual(created.map((link) => link.id).sort());
    const times = seen.map((link) => Date.parse(link.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byId = new Map(created.map((link) => [link.id, link]));
    for (const link of seen) expect(link).toEqual(byId.get(link.id));
  });

  it("ends with next_cursor null when the last page is exactly full", async () => {
    const first = await pager().get<Page>("/v1/links?limit=45");
    expect(first.body.links).toHaveLength(45);
    expect(first.body.next_cursor).toBeNull();
  });

  it("filters by status and by domain", async () => {
    const target = created[0];
    if (target === undefined) throw new Error("no links were created");
    await pager().patch(`/v1/links/${target.id}`, { status: "disabled" });
    const disabled = await pager().get<Page>("/v1/links?status=disabled");
    expect(disabled.body.links.map((link) => link.id)).toEqual([target.id]);
    const active = await pager().get<Page>("/v1/links?status=active&limit=100");
    expect(active.body.links).toHaveLength(44);
    const onDefault = await pager().get<Page>(`/v1/links?domain=127.0.0.1:${server.port}&limit=100`);
    expect(onDefault.body.links).toHaveLength(45);
    const elsewhere = await pager().get<Page>("/v1/links?domain=links.example.com");
    expect(elsewhere.body).toEqual({ success: true, links: [], next_cursor: null });
  });

  it("refuses a limit outside 1–100 and a cursor it did not issue", async () => {
    for (const query of ["limit=0", "limit=101", "limit=abc", "cursor=not-a-cursor"]) {
      expectV1Error(await pager().get(`/v1/links?${query}`), "invalid_request");
    }
  });
});
