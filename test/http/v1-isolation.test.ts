import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectV1Error, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY_A = "hxk_isolation_account_a_01";
const KEY_B = "hxk_isolation_account_b_01";
const UNKNOWN_ID = "lnk_000000000000000000000";

let server: RunningServer;
let a: ApiClient;
let b: ApiClient;
let linksOfA: V1Link[] = [];

beforeAll(async () => {
  server = await startServer({
    apiKeys: [
      { accountId: "account-a", key: KEY_A },
      { accountId: "account-b", key: KEY_B },
    ],
    settings: { rateLimits: RELAXED_LIMITS },
  });
  a = new ApiClient(server.url, KEY_A);
  b = new ApiClient(server.url, KEY_B);
  linksOfA = [];
  for (let i = 0; i < 5; i++) {
    linksOfA.push(
      await a.createLink({ url: `https://example.com/a/${i}`, password: i === 0 ? "pw" : undefined }),
    );
  }
});

afterAll(async () => {
  await server.close();
});

describe("account isolation in the v1 API", () => {
  it("B gets exactly the 404 of an unknown id for A's link, on every verb", async () => {
    const [link] = linksOfA;
    if (link === undefined) throw new Error("no link");
    const verbs: [string, (id: string) => ReturnType<ApiClient["get"]>][] = [
      ["GET", (id) => b.get(`/v1/links/${id}`)],
      ["PATCH", (id) => b.patch(`/v1/links/${id}`, { url: "https://example.com/stolen" })],
      ["PATCH status", (id) => b.patch(`/v1/links/${id}`, { status: "disabled" })],
      ["DELETE", (id) => b.delete(`/v1/links/${id}`)],
      ["analytics", (id) => b.get(`/v1/links/${id}/analytics`)],
    ];
    for (const [name, call] of verbs) {
      const foreign = await call(link.id);
      const unknown = await call(UNKNOWN_ID);
      expectV1Error(foreign, "link_not_found");
      expect(foreign.body, name).toEqual(unknown.body);
    }
    const still = await a.get(`/v1/links/${link.id}`);
    expect(still.body).toEqual({ success: true, link });
    const followed = await fetch(link.short_url, { redirect: "manual" });
    expect(followed.status).toBe(200);
  });

  it("B's list never shows A's links, on any page or filter", async () => {
    const ofB = [
      await b.createLink({ url: "https://example.com/b/0" }),
      await b.createLink({ url: "https://example.com/b/1" }),
    ];
    const idsOfA = new Set(linksOfA.map((link) => link.id));
    const seen: V1Link[] = [];
    for (const query of [
      "",
      "?limit=1",
      "?status=active",
      "?status=disabled",
      `?domain=127.0.0.1:${server.port}`,
    ]) {
      let path: string | null = `/v1/links${query}`;
      while (path !== null) {
        const response: Awaited<ReturnType<typeof b.get<{ links: V1Link[]; next_cursor: string | null }>>> =
          await b.get(path);
        expect(response.status).toBe(200);
        seen.push(...response.body.links);
        const cursor = response.body.next_cursor;
        const joiner = query === "" ? "?" : "&";
        path = cursor === null ? null : `/v1/links${query}${joiner}cursor=${encodeURIComponent(cursor)}`;
      }
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((link) => idsOfA.has(link.id))).toEqual([]);
    expect(new Set(seen.map((link) => link.id))).toEqual(new Set(ofB.map((link) => link.id)));
  });

  it("a cursor made from A's list shows B nothing of A's", async () => {
    const page = await a.get<{ next_cursor: string | null }>("/v1/links?limit=2");
    const cursor = page.body.next_cursor;
    if (cursor === null) throw new Error("A should have more than one page");
    const response = await b.get<{ links: V1Link[] }>(`/v1/links?cursor=${encodeURIComponent(cursor)}`);
    const idsOfA = new Set(linksOfA.map((link) => link.id));
    expect(response.body.links.filter((link) => idsOfA.has(link.id))).toEqual([]);
  });

  it("B can neither use, verify nor delete A's custom domain", async () => {
    await a.post("/v1/domains", { hostname: "a-only.example.com" });
    await server.hexlink.activateDomain.execute({ hostname: "a-only.example.com" });
    expectV1Error(
      await b.post("/v1/links", { url: "https://example.com/x", domain: "a-only.example.com" }),
      "invalid_domain",
    );
    expectV1Error(await b.post("/v1/domains/a-only.example.com/verify"), "invalid_domain");
    expectV1Error(await b.delete("/v1/domains/a-only.example.com"), "invalid_domain");
    const list = await b.get<{ domains: unknown[] }>("/v1/domains");
    expect(list.body).toEqual({ success: true, domains: [] });
    expect((await a.get<{ domains: unknown[] }>("/v1/domains")).body.domains).toHaveLength(1);
  });
});
