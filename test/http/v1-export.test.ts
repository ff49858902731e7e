import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expectV1Error, httpRequest, type V1Link } from "../support/http-client.js";
import { defaultAndRedisStores, useTwoAccountServer } from "./two-account-server.js";

const KEY = "hxk_v1_export_suite_key_0001";
const OTHER_KEY = "hxk_v1_export_suite_key_0002";
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
// The v1 link object's fields in the contract's order, then total_clicks.
const COLUMNS = (
  "id short_url long_url domain slug status password_protected expires_at max_clicks title tags tracking_url " +
  "created_at updated_at rules variants total_clicks"
).split(" ");

describe.each(defaultAndRedisStores("export"))("GET /v1/links/export ($name)", ({ stores, skip }) => {
  const running = useTwoAccountServer([KEY, OTHER_KEY], stores, skip);

  const exported = (query = "") =>
    fetch(`${running.server.url}/v1/links/export${query}`, { headers: { authorization: `Bearer ${KEY}` } });

  it.skipIf(skip)(
    "streams every link of the account as CSV, newest first, with its total clicks",
    async () => {
      const links: V1Link[] = [];
      const body = {
        links: Array.from({ length: 230 }, (_, index) => ({ url: `https://example.com/e/${index}` })),
      };
      const bulk = await running.api.post<{ results: { link: V1Link }[] }>("/v1/links/bulk", body);
      links.push(...bulk.body.results.map((result) => result.link));
      const quoted = await running.api.createLink({
        url: 'https://example.com/q?a="b",c',
        custom_slug: "export-q",
      });
      await running.other.createLink({ url: "https://example.com/not-mine" });
      for (let click = 0; click < 3; click++) {
        await httpRequest(`${running.server.url}/export-q`, { headers: { "user-agent": CHROME } });
      }
      await running.server.hexlink.flushClicks();

      const response = await exported();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="links.csv"');
      const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0] ?? {})).toEqual(COLUMNS);
      expect(rows).toHaveLength(231);
      expect(rows[0]).toMatchObject({
        id: quoted.id,
        long_url: quoted.long_url,
        total_clicks: "3",
        expires_at: "",
      });
      const listed = new Set(rows.map((row) => row.id));
      for (const link of links) expect(listed.has(link.id)).toBe(true);
      expect(rows.filter((row) => row.id !== quoted.id).every((row) => row.total_clicks === "0")).toBe(true);
    },
  );

  it.skipIf(skip)(
    "keeps a title a spreadsheet would run as a formula inert in CSV, as it is in NDJSON",
    async () => {
      const title = '=HYPERLINK("https://evil.example","click")';
      await running.api.createLink({
        url: "https://example.com/formula",
        custom_slug: "export-formula",
        title,
      });
      const rows = parse(await (await exported()).text(), { columns: true }) as Record<string, string>[];
      expect(rows.find((row) => row.slug === "export-formula")?.title).toBe(`'${title}`);
      const lines = (await (await exported("?format=ndjson")).text()).trim().split("\n");
      const link = lines.map((line) => JSON.parse(line)).find((one) => one.slug === "export-formula");
      expect(link.title).toBe(title);
    },
  );

  it.skipIf(skip)("answers HEAD with the headers alone", async () => {
    const head = await fetch(`${running.server.url}/v1/links/export?format=ndjson`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/x-ndjson");
    expect(await head.text()).toBe("");
  });

  it.skipIf(skip)("writes NDJSON: the v1 link object and total_clicks, one per line", async () => {
    const link = await running.api.createLink({ url: "https://example.com/nd", custom_slug: "export-nd" });
    await running.api.post("/v1/links/bulk-update", { ids: [link.id], set: { status: "disabled" } });
    const response = await exported("?format=ndjson&status=disabled");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await response.text()).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { ...(await running.api.get<{ link: V1Link }>(`/v1/links/${link.id}`)).body.link, total_clicks: 0 },
    ]);
  });

  it.skipIf(skip)(
    "answers a header alone when nothing matches, and 400 for a bad filter or format",
    async () => {
      const empty = await exported("?domain=nothing.example");
      expect(await empty.text()).toBe(`${COLUMNS.join(",")}\r\n`);
      // Filters the use case refuses (a tag that is none) answer 400 in either format, never 200 and a cut body.
      for (const query of [
        "?format=xml",
        "?limit=5",
        "?status=gone",
        "?tag=a%20b!",
        "?tag=a%20b!&format=csv",
      ]) {
        expectV1Error(await running.api.get(`/v1/links/export${query}`), "invalid_request");
      }
    },
  );
});
