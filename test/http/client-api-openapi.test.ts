import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_API } from "../../src/adapters/express/client/client-api.js";
import { createHexlinkApp } from "../../src/adapters/express/index.js";
import type { RunningServer } from "../support/http-server.js";
import { type ClientAnswer, clientPost, type PostOptions, startClientServer } from "./client-api-requests.js";
import { expectAsDocumented, fetchDocument, type OpenApiDocument } from "./openapi-conformance.js";
import { servedRoutes } from "./openapi-served-routes.js";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

let server: RunningServer;
let document: OpenApiDocument;

beforeAll(async () => {
  server = await startClientServer();
  document = await fetchDocument(server.url);
});

afterAll(async () => {
  await server.close();
});

describe("client API routes and documentation", () => {
  it("documents exactly the endpoints its router serves", () => {
    const served = servedRoutes(createHexlinkApp(server.hexlink))
      .filter((route) => route.startsWith("POST /client/api/"))
      .map((route) => route.slice("POST ".length));
    const documented = Object.keys(document.paths).filter((path) => path.startsWith("/client/api/"));
    expect(served).toHaveLength(11);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("lists every client endpoint in /openapi.json as a POST with the client key scheme and its scope", () => {
    for (const route of CLIENT_API.routes) {
      const path = `${CLIENT_API.base}${route.path}`;
      expect(document.paths[path]?.post?.security).toEqual([{ clientKey: [route.scope] }]);
      expect(document.paths[path]?.post?.requestBody).toBeDefined();
    }
  });
});

describe("real client API answers, as /openapi.json describes them", () => {
  /** POSTs to `/client/api<path>` and checks the answer against the document. */
  async function documented(path: string, body: unknown, options?: PostOptions): Promise<ClientAnswer> {
    const answer = await clientPost(server, path, body, options);
    expectAsDocumented(document, "post", `/client/api${path}`, answer);
    return answer;
  }

  it("shorten, get, clicksdata, edit, disable, enable and delete", async () => {
    const shortened = await documented("/url/shorten", { long_url: "https://example.com/documented" });
    const { short_url, tracking_id } = shortened.json.body as { short_url: string; tracking_id: string };
    await documented("/url/shorten", { long_url: "https://example.com/named", custom_name: "client-doc" });
    await documented("/url/get", { short_url });
    await fetch(short_url, {
      redirect: "manual",
      headers: { "user-agent": FIREFOX, referer: "https://ref.example/" },
    });
    await server.hexlink.flushClicks();
    // Yesterday to today, so a click just before midnight (UTC) still falls in the range.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10).split("-").reverse().join("/");
    for (const dimension of ["device", "os", "browser", "location", "referrer"]) {
      const answer = await documented(`/clicksdata/${dimension}`, {
        tracking_id,
        start_date: day(-1),
        end_date: day(0),
      });
      expect((answer.json.body as { clicks_data: unknown[] }).clicks_data, dimension).not.toEqual([]);
    }
    await documented("/url/edit", { tracking_id, long_url: "https://example.com/edited", password: "" });
    await documented("/url/disable", { tracking_id });
    await documented("/url/enable", { tracking_id });
    await documented("/url/delete", { tracking_id });
  });

  it("failures, each with the seed's exact message", async () => {
    await documented("/url/shorten", "{not json");
    await documented("/url/shorten", { long_url: "https://example.com/taken", custom_name: "client-doc" });
    await documented("/url/get", { short_url: `${server.url}/nothing-here` });
    await documented("/url/delete", { tracking_id: "lnk_missing" });
    await documented("/clicksdata/os", { tracking_id: "lnk_x", start_date: "31/02/2026", end_date: "x" });
    await documented("/url/get", { short_url: "x" }, { authorization: null });
  });
});
