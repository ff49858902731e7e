import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../support/http-server.js";
import {
  ACCOUNT,
  clientPost,
  expectFailure,
  expectSuccess,
  startClientServer,
} from "./client-api-requests.js";

const DESTINATION = "https://example.com/landing";

describe("client API failures on a normal server", () => {
  let server: RunningServer;
  let linkId: string;
  let shortUrl: string;

  beforeAll(async () => {
    server = await startClientServer({ settings: { blockedDomains: ["blocked.example"] } });
    const body = expectSuccess(
      await clientPost(server, "/url/shorten", { long_url: DESTINATION, custom_name: "taken" }),
      ["short_url", "track_url", "tracking_id"],
    );
    linkId = String(body.tracking_id);
    shortUrl = String(body.short_url);
  });
  afterAll(() => server.close());

  it.each([
    ["malformed JSON", "{ not json", undefined],
    ["a body that is no object", "[1, 2]", undefined],
    ["an unknown field", { long_url: DESTINATION, expiry: "tomorrow" }, undefined],
    ["a field of the wrong type", { long_url: 42 }, undefined],
    ["a missing required field", { custom_name: "abc" }, undefined],
    ["a body that is not JSON", "long_url=https://example.com", "application/x-www-form-urlencoded"],
    ["an oversized password", { long_url: DESTINATION, password: "p".repeat(1025) }, undefined],
  ])("LI00 for %s", async (_case, body, contentType) => {
    expectFailure(await clientPost(server, "/url/shorten", body, contentType ? { contentType } : {}), "LI00");
  });

  it("LI00 with 404 for an endpoint the client API does not have", async () => {
    const answer = await clientPost(server, "/url/list", {});
    expect(answer.json).toStrictEqual({
      success: false,
      error_code: "LI00",
      error_message: "Invalid request.",
    });
    expect(answer.status).toBe(404);
  });

  it.each([
    ["no Authorization header", null],
    ["an unknown key", "not-a-key-of-this-server"],
    ["an empty Bearer", "Bearer "],
  ])("LI03 for %s", async (_case, authorization) => {
    expectFailure(await clientPost(server, "/url/get", { short_url: shortUrl }, { authorization }), "LI03");
  });

  it("LI03 for a revoked key", async () => {
    const { key, apiKey } = await server.hexlink.createApiKey.execute({ accountId: ACCOUNT });
    await server.hexlink.revokeApiKey.execute({ id: apiKey.id });
    expectFailure(
      await clientPost(server, "/url/get", { short_url: shortUrl }, { authorization: key }),
      "LI03",
    );
  });

  it("LI04 for a key whose account may not use the API", async () => {
    const { key } = await server.hexlink.createApiKey.execute({ accountId: "free-plan", apiAccess: false });
    expectFailure(
      await clientPost(server, "/url/get", { short_url: shortUrl }, { authorization: key }),
      "LI04",
    );
  });

  it("LI05 for an empty destination on shorten (on edit an empty long_url leaves it as it is)", async () => {
    expectFailure(await clientPost(server, "/url/shorten", { long_url: "" }), "LI05");
  });

  it.each([
    ["a relative destination", "/relative/path"],
    ["another scheme", "ftp://example.com/file"],
    ["a loop to this server's own domain", "http://HOST/abc"],
  ])("LI05 for %s", async (_case, longUrl) => {
    const long_url = longUrl.replace("HOST", new URL(server.url).host);
    expectFailure(await clientPost(server, "/url/shorten", { long_url }), "LI05");
    expectFailure(await clientPost(server, "/url/edit", { tracking_id: linkId, long_url }), "LI05");
  });

  it.each(["ab", "with space", "ünïcode", "v1", "x".repeat(65)])(
    "LI06 for the custom name %j",
    async (name) => {
      expectFailure(
        await clientPost(server, "/url/shorten", { long_url: DESTINATION, custom_name: name }),
        "LI06",
      );
    },
  );

  it("LI07 for a custom name in use on that domain", async () => {
    const answer = await clientPost(server, "/url/shorten", { long_url: DESTINATION, custom_name: "taken" });
    expectFailure(answer, "LI07");
  });

  it.each(["/url/edit", "/url/disable", "/url/enable", "/url/delete", "/clicksdata/device"])(
    "LI11 from %s for an unknown tracking id, an empty one, and another account's link",
    async (path) => {
      const dates = path.startsWith("/clicks") ? { start_date: "01/08/2020", end_date: "07/08/2020" } : {};
      const other = await server.hexlink.createLink.execute({ accountId: "someone-else", url: DESTINATION });
      for (const tracking_id of ["lnk_doesNotExist1234567", "", other.id]) {
        expectFailure(await clientPost(server, path, { tracking_id, ...dates }), "LI11");
      }
    },
  );

  it("LI12 when a link that ran out of clicks is edited, disabled or enabled", async () => {
    const link = await server.hexlink.createLink.execute({
      accountId: ACCOUNT,
      url: DESTINATION,
      maxClicks: 1,
    });
    const visit = await fetch(`${server.url}/${link.slug}`, { redirect: "manual" });
    expect(visit.status).toBe(302);
    const edit = { tracking_id: link.id, long_url: "https://example.com/other" };
    expectFailure(await clientPost(server, "/url/edit", edit), "LI12");
    expectFailure(await clientPost(server, "/url/disable", { tracking_id: link.id }), "LI12");
    expectFailure(await clientPost(server, "/url/enable", { tracking_id: link.id }), "LI12");
  });

  it("LI13 for a blocked destination host or its subdomain, on shorten and edit", async () => {
    const long_url = "https://www.blocked.example/page";
    expectFailure(await clientPost(server, "/url/shorten", { long_url }), "LI13");
    expectFailure(await clientPost(server, "/url/edit", { tracking_id: linkId, long_url }), "LI13");
  });

  it("LI14 for an unknown, pending or another account's domain; an active own domain works", async () => {
    const { hexlink } = server;
    await hexlink.registerDomain.execute({ accountId: ACCOUNT, hostname: "pending.acme.test" });
    await hexlink.registerDomain.execute({ accountId: ACCOUNT, hostname: "links.acme.test" });
    await hexlink.activateDomain.execute({ hostname: "links.acme.test" });
    await hexlink.registerDomain.execute({ accountId: "someone-else", hostname: "links.other.test" });
    await hexlink.activateDomain.execute({ hostname: "links.other.test" });
    for (const domain of ["lnnk.in", "pending.acme.test", "links.other.test", "not a host"]) {
      expectFailure(await clientPost(server, "/url/shorten", { long_url: DESTINATION, domain }), "LI14");
    }
    const answer = await clientPost(server, "/url/shorten", {
      long_url: DESTINATION,
      domain: "links.acme.test",
    });
    expect(expectSuccess(answer, ["short_url", "track_url", "tracking_id"]).short_url).toMatch(
      /^http:\/\/links\.acme\.test\/[A-Za-z0-9_-]{7}$/,
    );
  });

  it.each([
    ["31/02/2020", "07/08/2020"],
    ["29/02/2019", "01/03/2019"],
    ["2020-08-01", "07/08/2020"],
    ["01/13/2020", "07/08/2020"],
    ["", "07/08/2020"],
    ["01/08/2020", "aa/bb/cccc"],
    ["08/08/2020", "07/08/2020"],
    ["01/01/2020", "01/01/2021"],
  ])("LI15 for start_date %j and end_date %j", async (start_date, end_date) => {
    const answer = await clientPost(server, "/clicksdata/os", { tracking_id: linkId, start_date, end_date });
    expectFailure(answer, "LI15");
  });

  it("LI16 for an unknown short URL, an empty one and another account's", async () => {
    const other = await server.hexlink.createLink.execute({ accountId: "someone-else", url: DESTINATION });
    const otherUrl = server.hexlink.shortUrls.shortUrl(other);
    for (const short_url of [`${server.url}/nothing-here`, "", "::not a url::", otherUrl]) {
      expectFailure(await clientPost(server, "/url/get", { short_url }), "LI16");
    }
  });
});
