import { describe, expect, it } from "vitest";
import { expectV1Error, httpRequest, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { api, server, useV1Server } from "./v1-servers.js";

const KEY = "hxk_v1_links_suite_key_0001";
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LINK_FIELDS = [
  "id",
  "short_url",
  "long_url",
  "domain",
  "slug",
  "status",
  "password_protected",
  "expires_at",
  "title",
  "tags",
  "max_clicks",
  "tracking_url",
  "created_at",
  "updated_at",
  "rules",
  "variants",
];

useV1Server({ apiKeys: [{ accountId: "acme", key: KEY }], settings: { rateLimits: RELAXED_LIMITS } }, KEY);

const follow = (slug: string) => fetch(`${server.url}/${slug}`, { redirect: "manual" });

describe("POST /v1/links", () => {
  it("answers 201 with exactly the link object of spec §3 for a random code", async () => {
    const response = await api.post<{ success: boolean; link: V1Link }>("/v1/links", {
      url: "https://Example.COM/docs?ref=hexlink",
    });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body).sort()).toEqual(["link", "success"]);
    const link = response.body.link;
    expect(Object.keys(link).sort()).toEqual([...LINK_FIELDS].sort());
    const domain = `127.0.0.1:${server.port}`;
    expect(link).toEqual({
      id: expect.stringMatching(/^lnk_[A-Za-z0-9_-]{21}$/),
      short_url: `http://${domain}/${link.slug}`,
      long_url: "https://example.com/docs?ref=hexlink",
      domain,
      slug: expect.stringMatching(/^[A-Za-z0-9]{7}$/),
      status: "active",
      password_protected: false,
      expires_at: null,
      max_clicks: null,
      title: null,
      tags: [],
      tracking_url: `${server.url}/t/${link.id}`,
      created_at: expect.stringMatching(ISO_UTC),
      updated_at: link.created_at,
      rules: [],
      variants: [],
    });
    expect(response.body.success).toBe(true);
  });

  it("takes every optional field: custom_slug, domain, password, expires_at, max_clicks", async () => {
    const domain = `127.0.0.1:${server.port}`;
    const link = await api.createLink({
      url: "https://example.com/all-fields",
      custom_slug: "All_fields-1",
      domain,
      password: "open sesame",
      expires_at: "2099-01-01T00:00:00+02:00",
      max_clicks: 3,
    });
    expect(link).toMatchObject({
      short_url: `http://${domain}/All_fields-1`,
      domain,
      slug: "All_fields-1",
      password_protected: true,
      expires_at: "2098-12-31T22:00:00.000Z",
      max_clicks: 3,
    });
  });

  it("refuses a taken custom slug with the seed's sentence", async () => {
    await api.createLink({ url: "https://example.com/first", custom_slug: "taken-slug" });
    const response = await api.post("/v1/links", {
      url: "https://example.com/second",
      custom_slug: "taken-slug",
    });
    const error = expectV1Error(response, "slug_taken");
    expect(error.error).toBe("The custom slug 'taken-slug' is already taken.");
  });
});

describe("GET /v1/links/:id", () => {
  it("answers 200 with the link as created", async () => {
    const created = await api.createLink({ url: "https://example.com/read-me", custom_slug: "read-me" });
    const response = await api.get(`/v1/links/${created.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, link: created });
  });

  it("answers 404 link_not_found for an unknown id", async () => {
    expectV1Error(await api.get("/v1/links/lnk_000000000000000000000"), "link_not_found");
  });
});

describe("PATCH /v1/links/:id", () => {
  const domain = () => `127.0.0.1:${server.port}`;
  const rows: { body: Record<string, unknown>; changes: () => Partial<V1Link> }[] = [
    { body: { url: "https://example.org/new" }, changes: () => ({ long_url: "https://example.org/new" }) },
    {
      body: { custom_slug: "patched-slug" },
      changes: () => ({ slug: "patched-slug", short_url: `http://${domain()}/patched-slug` }),
    },
    { body: { password: "s3cret" }, changes: () => ({ password_protected: true }) },
    { body: { password: null }, changes: () => ({ password_protected: false }) },
    {
      body: { expires_at: "2099-06-01T00:00:00Z" },
      changes: () => ({ expires_at: "2099-06-01T00:00:00.000Z" }),
    },
    { body: { expires_at: null }, changes: () => ({ expires_at: null }) },
    { body: { max_clicks: 5 }, changes: () => ({ max_clicks: 5 }) },
    { body: { max_clicks: null }, changes: () => ({ max_clicks: null }) },
    { body: { status: "disabled" }, changes: () => ({ status: "disabled" }) },
    { body: { status: "active" }, changes: () => ({ status: "active" }) },
    { body: {}, changes: () => ({}) },
  ];

  it("changes exactly the fields given, one row at a time, and GET sees each change", async () => {
    let current = await api.createLink({ url: "https://example.com/before", custom_slug: "patch-me" });
    for (const row of rows) {
      const response = await api.patch<{ success: boolean; link: V1Link }>(
        `/v1/links/${current.id}`,
        row.body,
      );
      expect(response.status, JSON.stringify(row.body)).toBe(200);
      const expected = { ...current, ...row.changes(), updated_at: expect.stringMatching(ISO_UTC) };
      expect(response.body, JSON.stringify(row.body)).toEqual({ success: true, link: expected });
      expect(Date.parse(response.body.link.updated_at)).toBeGreaterThanOrEqual(
        Date.parse(current.updated_at),
      );
      expect((await api.get(`/v1/links/${current.id}`)).body).toEqual(response.body);
      current = response.body.link;
    }
  });

  it("sends visitors to the new destination after the url changes", async () => {
    const link = await api.createLink({ url: "https://example.com/old-place" });
    expect((await follow(link.slug)).headers.get("location")).toBe("https://example.com/old-place");
    await api.patch(`/v1/links/${link.id}`, { url: "https://example.com/new-place" });
    expect((await follow(link.slug)).headers.get("location")).toBe("https://example.com/new-place");
  });

  it("refuses a custom slug taken by another link with the seed's sentence", async () => {
    await api.createLink({ url: "https://example.com/owner", custom_slug: "already-mine" });
    const link = await api.createLink({ url: "https://example.com/other" });
    const response = await api.patch(`/v1/links/${link.id}`, { custom_slug: "already-mine" });
    expect(expectV1Error(response, "slug_taken").error).toBe(
      "The custom slug 'already-mine' is already taken.",
    );
  });

  it("answers 404 link_not_found for an unknown id", async () => {
    expectV1Error(
      await api.patch("/v1/links/lnk_000000000000000000000", { status: "active" }),
      "link_not_found",
    );
  });
});

describe("DELETE /v1/links/:id", () => {
  it("answers 200 {success:true}; the link is gone from the API and its short URL answers 404", async () => {
    const link = await api.createLink({ url: "https://example.com/delete-me", custom_slug: "delete-me" });
    const response = await api.delete(`/v1/links/${link.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    expectV1Error(await api.get(`/v1/links/${link.id}`), "link_not_found");
    expectV1Error(await api.patch(`/v1/links/${link.id}`, { status: "active" }), "link_not_found");
    expectV1Error(await api.delete(`/v1/links/${link.id}`), "link_not_found");
    expect((await follow("delete-me")).status).toBe(404);
  });
});

describe("GET /v1/links/:id/analytics", () => {
  const dimensionFields = ["devices", "os", "browsers", "countries", "referrers"];

  it("answers 200 with the range asked for, one timeseries entry per day", async () => {
    const link = await api.createLink({ url: "https://example.com/stats" });
    const response = await api.get<{ success: boolean; analytics: Record<string, unknown> }>(
      `/v1/links/${link.id}/analytics?start=2026-01-01&end=2026-01-31`,
    );
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
    const analytics = response.body.analytics;
    expect(analytics).toMatchObject({
      link_id: link.id,
      start: "2026-01-01",
      end: "2026-01-31",
      total_clicks: 0,
      unique_clicks: 0,
    });
    const days = Array.from({ length: 31 }, (_, i) => ({
      date: `2026-01-${String(i + 1).padStart(2, "0")}`,
      clicks: 0,
    }));
    expect(analytics.timeseries).toEqual(days);
    for (const field of dimensionFields) expect(analytics[field], field).toEqual([]);
  });

  it("defaults to the last 30 days ending today (UTC)", async () => {
    const link = await api.createLink({ url: "https://example.com/stats-default" });
    const response = await api.get<{ analytics: { start: string; end: string; timeseries: unknown[] } }>(
      `/v1/links/${link.id}/analytics`,
    );
    expect(response.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const start = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    expect(response.body.analytics).toMatchObject({ start, end: today });
    expect(response.body.analytics.timeseries).toHaveLength(30);
  });

  it("answers 404 link_not_found for an unknown id", async () => {
    expectV1Error(await api.get("/v1/links/lnk_000000000000000000000/analytics"), "link_not_found");
  });
});

describe("a link created through the API", () => {
  it("redirects from its short_url", async () => {
    const link = await api.createLink({ url: "https://example.com/followed" });
    const response = await httpRequest(link.short_url);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("https://example.com/followed");
  });
});
