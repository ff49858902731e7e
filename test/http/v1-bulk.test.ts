import { describe, expect, it } from "vitest";
import { ApiClient, expectV1Error, httpRequest, type V1Link } from "../support/http-client.js";
import { startServer } from "../support/http-server.js";
import { defaultAndRedisStores, useTwoAccountServer } from "./two-account-server.js";

const KEY = "hxk_v1_bulk_suite_key_00001";
const OTHER_KEY = "hxk_v1_bulk_suite_key_00002";

type Refused = { ok: false; code: string; error: string };
type LinkResults = { success: true; results: ({ ok: true; link: V1Link } | Refused)[] };
type DeleteResults = { success: true; results: ({ ok: true; id: string } | Refused)[] };

const refused = (code: string) => ({ ok: false, code, error: expect.stringMatching(/\S/) });

describe.each(defaultAndRedisStores("bulk"))("bulk calls ($name)", ({ stores, skip }) => {
  const running = useTwoAccountServer([KEY, OTHER_KEY], stores, skip);

  const bulkCreate = (links: unknown[]) => running.api.post<LinkResults>("/v1/links/bulk", { links });

  describe("POST /v1/links/bulk", () => {
    it.skipIf(skip)(
      "answers one result per item in input order; a bad item never fails the others",
      async () => {
        await running.api.createLink({ url: "https://example.com/held", custom_slug: "bulk-held" });
        const answer = await bulkCreate([
          { url: "https://example.com/one", custom_slug: "bulk-one" },
          { url: "not a url" },
          42,
          { url: "https://example.com/held-again", custom_slug: "bulk-held" },
          { url: "https://example.com/twin-a", custom_slug: "bulk-twin" },
          { url: "https://example.com/twin-b", custom_slug: "bulk-twin" },
          { url: "https://example.com/random" },
          { url: "https://example.com/extra", color: "blue" },
        ]);
        expect(answer.status).toBe(200);
        const results = answer.body.results;
        expect(results).toEqual([
          {
            ok: true,
            link: expect.objectContaining({ slug: "bulk-one", long_url: "https://example.com/one" }),
          },
          refused("invalid_destination"),
          refused("invalid_request"),
          refused("slug_taken"),
          {
            ok: true,
            link: expect.objectContaining({ slug: "bulk-twin", long_url: "https://example.com/twin-a" }),
          },
          refused("slug_taken"),
          { ok: true, link: expect.objectContaining({ slug: expect.stringMatching(/^[A-Za-z0-9]{7}$/) }) },
          refused("invalid_request"),
        ]);
        const one = results[0];
        if (one?.ok !== true) throw new Error("the first item was refused");
        expect((await running.api.get<{ link: V1Link }>(`/v1/links/${one.link.id}`)).body.link).toEqual(
          one.link,
        );
        const redirect = await httpRequest(`${running.server.url}/bulk-twin`);
        expect(redirect.headers.location).toBe("https://example.com/twin-a");
      },
    );

    it.skipIf(skip)("creates 1,000 links in one call, each with its own random code", async () => {
      const links = Array.from({ length: 1000 }, (_, index) => ({
        url: `https://example.com/many/${index}`,
      }));
      const answer = await bulkCreate(links);
      expect(answer.status).toBe(200);
      const slugs = answer.body.results.map((result) => (result.ok ? result.link.slug : result.code));
      expect(new Set(slugs).size).toBe(1000);
      answer.body.results.forEach((result, index) => {
        expect(result.ok && result.link.long_url).toBe(`https://example.com/many/${index}`);
      });
    });

    it.skipIf(skip)("refuses an empty call or one of more than 1,000 links as a whole", async () => {
      expectV1Error(await bulkCreate([]), "invalid_request");
      const many = Array.from({ length: 1001 }, () => ({ url: "https://example.com/" }));
      expectV1Error(await bulkCreate(many), "invalid_request");
      expectV1Error(await running.api.post("/v1/links/bulk", { links: [], extra: 1 }), "invalid_request");
    });

    it.skipIf(skip)("takes bodies past the API's 16 KB, up to its own cap", async () => {
      const long = `https://example.com/${"p".repeat(2000)}`;
      const answer = await bulkCreate(Array.from({ length: 100 }, () => ({ url: long })));
      expect(answer.status).toBe(200);
      expect(answer.body.results.every((result) => result.ok)).toBe(true);
      const huge = Array.from({ length: 1000 }, () => ({ url: `https://example.com/${"p".repeat(5000)}` }));
      expectV1Error(await bulkCreate(huge), "invalid_request");
      // Routes without a larger cap keep 16 KB.
      expectV1Error(
        await running.api.post("/v1/links", { url: `https://example.com/${"p".repeat(20_000)}` }),
        "invalid_request",
      );
    });
  });

  describe("bulk calls and rate limits", () => {
    it.skipIf(skip)("count as one request each", async () => {
      const limited = await startServer({
        stores: await stores(),
        apiKeys: [{ accountId: "acme", key: KEY }],
        settings: { rateLimits: { perSecond: 1000, perHour: 5, perMonth: 1000 } },
      });
      try {
        const client = new ApiClient(limited.url, KEY);
        const links = Array.from({ length: 50 }, (_, index) => ({
          url: `https://example.com/limit/${index}`,
        }));
        const first = await client.post<LinkResults>("/v1/links/bulk", { links });
        expect(first.status).toBe(200);
        expect(first.headers.get("x-ratelimit-remaining")).toBe("4");
        const ids = first.body.results.flatMap((result) => (result.ok ? [result.link.id] : []));
        const deleted = await client.post("/v1/links/bulk-delete", { ids });
        expect(deleted.headers.get("x-ratelimit-remaining")).toBe("3");
      } finally {
        await limited.close();
      }
    });
  });

  describe("POST /v1/links/bulk-update", () => {
    it.skipIf(skip)(
      "sets status and expiry on the account's links; others answer link_not_found",
      async () => {
        const mine = await running.api.createLink({
          url: "https://example.com/update-a",
          custom_slug: "bulk-upd-a",
        });
        const also = await running.api.createLink({ url: "https://example.com/update-b" });
        const theirs = await running.other.createLink({ url: "https://example.com/update-c" });
        const answer = await running.api.post<LinkResults>("/v1/links/bulk-update", {
          ids: [mine.id, "lnk_nonexistent0000000000", theirs.id, also.id],
          set: { status: "disabled", expires_at: "2099-01-01T00:00:00Z" },
        });
        expect(answer.status).toBe(200);
        expect(answer.body.results).toEqual([
          {
            ok: true,
            link: expect.objectContaining({
              id: mine.id,
              status: "disabled",
              expires_at: "2099-01-01T00:00:00.000Z",
            }),
          },
          refused("link_not_found"),
          refused("link_not_found"),
          { ok: true, link: expect.objectContaining({ id: also.id, status: "disabled" }) },
        ]);
        expect((await httpRequest(`${running.server.url}/bulk-upd-a`)).status).toBe(404);
        expect((await running.other.get<{ link: V1Link }>(`/v1/links/${theirs.id}`)).body.link.status).toBe(
          "active",
        );
        const back = await running.api.post<LinkResults>("/v1/links/bulk-update", {
          ids: [mine.id],
          set: { status: "active", expires_at: null },
        });
        expect(back.body.results).toEqual([
          { ok: true, link: expect.objectContaining({ status: "active", expires_at: null }) },
        ]);
        expect((await httpRequest(`${running.server.url}/bulk-upd-a`)).status).toBe(302);
      },
    );

    it.skipIf(skip)("adds and removes tags on each link, keeping its other tags", async () => {
      const one = await running.api.createLink({ url: "https://example.com/tags-1", tags: ["keep", "old"] });
      const two = await running.api.createLink({ url: "https://example.com/tags-2" });
      const full = await running.api.createLink({
        url: "https://example.com/tags-3",
        tags: Array.from({ length: 20 }, (_, n) => `t${n}`),
      });
      const answer = await running.api.post<LinkResults>("/v1/links/bulk-update", {
        ids: [one.id, two.id, full.id],
        set: { tags_add: ["new"], tags_remove: ["old"] },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.results).toEqual([
        { ok: true, link: expect.objectContaining({ id: one.id, tags: ["keep", "new"] }) },
        { ok: true, link: expect.objectContaining({ id: two.id, tags: ["new"] }) },
        refused("invalid_request"),
      ]);
      const tagged = await running.api.get<{ links: V1Link[] }>("/v1/links?tag=new");
      expect(tagged.body.links.map((link) => link.id).sort()).toEqual([one.id, two.id].sort());
      expectV1Error(
        await running.api.post("/v1/links/bulk-update", { ids: [one.id], set: { tags_add: ["Bad Tag!"] } }),
        "invalid_request",
      );
    });

    it.skipIf(skip)("refuses a call that sets nothing, an unknown field, or over 1,000 ids", async () => {
      expectV1Error(
        await running.api.post("/v1/links/bulk-update", { ids: ["lnk_x"], set: {} }),
        "invalid_request",
      );
      expectV1Error(
        await running.api.post("/v1/links/bulk-update", {
          ids: ["lnk_x"],
          set: { url: "https://example.com" },
        }),
        "invalid_request",
      );
      const ids = Array.from({ length: 1001 }, (_, index) => `lnk_${index}`);
      expectV1Error(
        await running.api.post("/v1/links/bulk-update", { ids, set: { status: "active" } }),
        "invalid_request",
      );
    });
  });

  describe("POST /v1/links/bulk-delete", () => {
    it.skipIf(skip)(
      "deletes the account's links and frees their slugs; others answer link_not_found",
      async () => {
        const mine = await running.api.createLink({
          url: "https://example.com/delete-a",
          custom_slug: "bulk-del-a",
        });
        const theirs = await running.other.createLink({ url: "https://example.com/delete-b" });
        const answer = await running.api.post<DeleteResults>("/v1/links/bulk-delete", {
          ids: [mine.id, theirs.id, "lnk_nonexistent0000000000", mine.id],
        });
        expect(answer.status).toBe(200);
        expect(answer.body.results).toEqual([
          { ok: true, id: mine.id },
          refused("link_not_found"),
          refused("link_not_found"),
          { ok: true, id: mine.id },
        ]);
        expectV1Error(await running.api.get(`/v1/links/${mine.id}`), "link_not_found");
        expect((await httpRequest(`${running.server.url}/bulk-del-a`)).status).toBe(404);
        expect((await running.other.get(`/v1/links/${theirs.id}`)).status).toBe(200);
        await running.api.createLink({ url: "https://example.com/delete-again", custom_slug: "bulk-del-a" });
      },
    );
  });
});
