import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClickIncrement, Dimension } from "../../src/domain/click/click.js";
import type { RunningServer } from "../support/http-server.js";
import {
  BODY_KEYS,
  clientPost,
  expectFailure,
  expectSuccess,
  KEY,
  startClientServer,
} from "./client-api-requests.js";

const ENCODED = "https://www.lnnkin.com/api-integration/plans?test=query%20string";

describe("client API field rules and effects", () => {
  let server: RunningServer;

  const shorten = async (body: Record<string, unknown>) =>
    expectSuccess(await clientPost(server, "/url/shorten", body), BODY_KEYS.shorten);
  const visit = (shortUrl: unknown, init: RequestInit = {}) =>
    fetch(String(shortUrl).replace(/^http:\/\/[^/]+/, server.url), { redirect: "manual", ...init });
  const submitPassword = (shortUrl: unknown, password: string) =>
    visit(shortUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ password }).toString(),
    });

  beforeAll(async () => {
    server = await startClientServer();
  });
  afterAll(() => server.close());

  it("keeps a percent-encoded long_url as given: /get shows it and the short URL redirects to exactly it", async () => {
    const created = await shorten({ long_url: ENCODED });
    const redirect = await visit(created.short_url);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(ENCODED);
    const details = expectSuccess(
      await clientPost(server, "/url/get", { short_url: created.short_url }),
      BODY_KEYS.get,
    );
    expect(details.long_url).toBe(ENCODED);
  });

  it("reads empty strings and null in optional fields as not given", async () => {
    for (const empty of ["", null]) {
      const created = await shorten({
        long_url: ENCODED,
        custom_name: empty,
        password: empty,
        domain: empty,
      });
      expect(created.short_url).toMatch(new RegExp(`^${server.url}/[A-Za-z0-9_-]{7}$`));
      expect((await visit(created.short_url)).status).toBe(302);
    }
  });

  it("accepts `Bearer <key>` as well as the raw key, and sends the rate-limit headers", async () => {
    const answer = await clientPost(
      server,
      "/url/shorten",
      { long_url: ENCODED },
      { authorization: `Bearer ${KEY}` },
    );
    expectSuccess(answer, BODY_KEYS.shorten);
    for (const header of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]) {
      expect(answer.headers.get(header)).toMatch(/^\d+$/);
    }
  });

  it("finds a link by its short URL with or without the scheme", async () => {
    const created = await shorten({ long_url: ENCODED, custom_name: "no-scheme" });
    const bare = String(created.short_url).replace(/^http:\/\//, "");
    const details = expectSuccess(await clientPost(server, "/url/get", { short_url: bare }), BODY_KEYS.get);
    expect(details.tracking_id).toBe(created.tracking_id);
  });

  it("sets a password on shorten; on edit '' keeps it, a new one replaces it and null removes it", async () => {
    const created = await shorten({ long_url: ENCODED, password: "first secret" });
    const { tracking_id } = created;
    const form = await visit(created.short_url);
    expect(form.status).toBe(200);
    expect(form.headers.get("location")).toBeNull();
    expect((await submitPassword(created.short_url, "first secret")).status).toBe(303);

    expectSuccess(await clientPost(server, "/url/edit", { tracking_id, long_url: ENCODED, password: "" }));
    expect((await submitPassword(created.short_url, "first secret")).status).toBe(303);

    expectSuccess(await clientPost(server, "/url/edit", { tracking_id, password: "second secret" }));
    expect((await submitPassword(created.short_url, "first secret")).status).toBe(401);
    expect((await submitPassword(created.short_url, "second secret")).status).toBe(303);

    expectSuccess(await clientPost(server, "/url/edit", { tracking_id, password: null }));
    expect((await visit(created.short_url)).headers.get("location")).toBe(ENCODED);
  });

  it("edits the destination; an edit without long_url leaves it", async () => {
    const created = await shorten({ long_url: ENCODED });
    const next = "https://example.com/next?x=a%2Fb";
    expectSuccess(
      await clientPost(server, "/url/edit", { tracking_id: created.tracking_id, long_url: next }),
    );
    expect((await visit(created.short_url)).headers.get("location")).toBe(next);
    expectSuccess(await clientPost(server, "/url/edit", { tracking_id: created.tracking_id, long_url: "" }));
    expect((await visit(created.short_url)).headers.get("location")).toBe(next);
  });

  it("disables and enables a link: a disabled short URL answers 404", async () => {
    const created = await shorten({ long_url: ENCODED });
    const id = { tracking_id: created.tracking_id };
    expectSuccess(await clientPost(server, "/url/disable", id));
    expect((await visit(created.short_url)).status).toBe(404);
    expectSuccess(await clientPost(server, "/url/disable", id));
    expectSuccess(await clientPost(server, "/url/enable", id));
    expect((await visit(created.short_url)).status).toBe(302);
  });

  it("deletes a link for good: 404 on its short URL, LI16 on /get, its custom name free again", async () => {
    const created = await shorten({ long_url: ENCODED, custom_name: "short-lived" });
    expectSuccess(await clientPost(server, "/url/delete", { tracking_id: created.tracking_id }));
    expect((await visit(created.short_url)).status).toBe(404);
    expectFailure(await clientPost(server, "/url/get", { short_url: created.short_url }), "LI16");
    await shorten({ long_url: ENCODED, custom_name: "short-lived" });
  });

  it("gives clicks_data over the inclusive UTC range, by name as v1 does, sorted by clicks, descending", async () => {
    const created = await shorten({ long_url: ENCODED });
    const linkId = String(created.tracking_id);
    const increment = (day: string, clicks: number, values: Record<Dimension, string>): ClickIncrement => ({
      linkId,
      day,
      clicks,
      botClicks: 0,
      dimensions: new Map(
        Object.entries(values).map(([dimension, value]) => [
          dimension as Dimension,
          new Map([[value, clicks]]),
        ]),
      ),
      visitors: new Set([`${day}-${clicks}`]),
    });
    const desktop = {
      device: "Desktop",
      os: "Windows",
      browser: "Chrome",
      referrer: "t.co",
      target: "default",
    };
    const mobile = {
      device: "Mobile",
      os: "Android",
      browser: "Firefox",
      referrer: "Direct",
      target: "default",
    };
    await server.hexlink.stores.clicks.add(
      [
        increment("2020-07-31", 50, { ...mobile, country: "FR" }),
        increment("2020-08-01", 2, { ...desktop, country: "CA" }),
        increment("2020-08-03", 5, { ...mobile, country: "US" }),
        increment("2020-08-05", 1, { ...desktop, country: "ZZ" }),
        increment("2020-08-07", 3, { ...desktop, country: "CA" }),
        increment("2020-08-08", 40, { ...mobile, country: "DE" }),
      ],
      "seeded",
    );
    const expected: Record<string, { name: string; clicks: number }[]> = {
      device: [
        { name: "Desktop", clicks: 6 },
        { name: "Mobile", clicks: 5 },
      ],
      os: [
        { name: "Windows", clicks: 6 },
        { name: "Android", clicks: 5 },
      ],
      browser: [
        { name: "Chrome", clicks: 6 },
        { name: "Firefox", clicks: 5 },
      ],
      location: [
        { name: "Canada", clicks: 5 },
        { name: "United States", clicks: 5 },
        { name: "Unknown", clicks: 1 },
      ],
      referrer: [
        { name: "t.co", clicks: 6 },
        { name: "Direct", clicks: 5 },
      ],
    };
    for (const [dimension, clicksData] of Object.entries(expected)) {
      const body = { tracking_id: linkId, start_date: "1/8/2020", end_date: "07/08/2020" };
      const answer = await clientPost(server, `/clicksdata/${dimension}`, body);
      expect(expectSuccess(answer, BODY_KEYS.clicks)).toStrictEqual({
        tracking_id: linkId,
        start_date: "01/08/2020",
        end_date: "07/08/2020",
        short_url: created.short_url,
        clicks_data: clicksData,
      });
    }
  });
});
