import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, redisAvailable, startRedisServer } from "../../support/redis-server.js";
import { runCli, runCliJson } from "../../support/run-cli.js";

const FIXTURES = path.resolve("test/fixtures/import");
const fixture = (name: string) => path.join(FIXTURES, name);

interface Totals {
  readonly created: number;
  readonly skipped: number;
  readonly refused: number;
}

interface Report extends Totals {
  readonly rows: { line: number; status: string; slug?: string; code?: string; id?: string }[];
}

describe.skipIf(!redisAvailable())("hexlink import and export on a Redis store", () => {
  let redis: RedisServer;
  let databases = 0;
  const work = mkdtempSync(path.join(tmpdir(), "hexlink-import-"));
  /** Each test on its own Redis database, so that slugs of one fixture never meet another's. */
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const freshEnv = () => {
    databases += 1;
    env = {
      HEXLINK_STORE: "redis",
      REDIS_URL: `${redis.url}/${databases}`,
      HEXLINK_BASE_URL: "https://sho.rt",
    };
    return env;
  };
  const importFile = (file: string, from: string, ...more: string[]) =>
    runCliJson<Totals>(["import", fixture(file), "--from", from, "--account", "acme", ...more], env);
  const reportOf = async (file: string, from: string): Promise<Report> => {
    const out = path.join(work, `${file}.report.json`);
    await importFile(file, from, "--report", out);
    return JSON.parse(readFileSync(out, "utf8")) as Report;
  };
  const exported = async (): Promise<Record<string, string>[]> => {
    const run = await runCli(["export", "--account", "acme"], env);
    expect(run.code, run.stderr).toBe(0);
    return parse(run.stdout, { columns: true }) as Record<string, string>[];
  };

  it("bitly: takes each Bitlink's back-half as the slug; refuses a bad destination with its line", async () => {
    freshEnv();
    const report = await reportOf("bitly.csv", "bitly");
    expect(report.rows.map(({ line, status, slug, code }) => ({ line, status, slug, code }))).toEqual([
      { line: 2, status: "created", slug: "launch-2024", code: undefined },
      { line: 3, status: "created", slug: "3xYzAbC", code: undefined },
      { line: 4, status: "refused", slug: undefined, code: "invalid_destination" },
      { line: 5, status: "created", slug: "pricing-page", code: undefined },
    ]);
    const links = await exported();
    expect(links.find((link) => link.slug === "launch-2024")).toMatchObject({
      title: "Launch post",
      tags: "news,launch",
    });
    expect(links.map((link) => [link.slug, link.long_url]).sort()).toEqual([
      ["3xYzAbC", "https://docs.example.com/start"],
      ["launch-2024", "https://blog.example.com/launch?utm_source=bitly"],
      ["pricing-page", "https://example.com/pricing"],
    ]);
  });

  it("a second run of the same file creates nothing and says so", async () => {
    freshEnv();
    expect(await importFile("bitly.csv", "bitly")).toEqual({
      file: fixture("bitly.csv"),
      from: "bitly",
      dry_run: false,
      created: 3,
      skipped: 0,
      refused: 1,
    });
    const again = await runCli(["import", fixture("bitly.csv"), "--from", "bitly", "--account", "acme"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "0 created, 3 skipped (already there), 1 refused; nothing new: every readable row was imported before\n",
    );
    expect(await exported()).toHaveLength(3);
  });

  it("refuses a slug another account holds, or that holds another destination", async () => {
    freshEnv();
    await importFile("bitly.csv", "bitly");
    const theirs = await runCliJson<Totals>(
      ["import", fixture("bitly.csv"), "--from", "bitly", "--account", "globex"],
      env,
    );
    expect(theirs).toMatchObject({ created: 0, skipped: 0, refused: 4 });
  });

  it("yourls: reads the yourls_url table with or without its header, and the Import-Export plugin's CSV", async () => {
    freshEnv();
    const table = await reportOf("yourls-table.csv", "yourls");
    expect(table).toMatchObject({ created: 3, skipped: 0, refused: 1 });
    expect(table.rows[3]).toMatchObject({ line: 5, status: "refused", code: "invalid_slug" });
    expect(await importFile("yourls-table-headerless.csv", "yourls")).toMatchObject({
      created: 0,
      skipped: 2,
    });
    expect(await importFile("yourls-plugin.csv", "yourls")).toMatchObject({ created: 0, skipped: 2 });
    const links = await exported();
    expect(links.find((link) => link.slug === "yourls")?.long_url).toBe("https://yourls.org/");
  });

  it("kutt: reads the API's links; a link that had a password is refused, not opened; a short address too", async () => {
    freshEnv();
    const report = await reportOf("kutt.json", "kutt");
    expect(report.rows.map(({ line, status, code }) => ({ line, status, code }))).toEqual([
      { line: 1, status: "created", code: undefined },
      { line: 2, status: "refused", code: "password_not_exported" },
      { line: 3, status: "refused", code: "invalid_slug" },
    ]);
    const docs = (await exported()).find((link) => link.slug === "kutt-docs");
    expect(docs).toMatchObject({ long_url: "https://docs.kutt.it/", expires_at: "2099-01-01T00:00:00.000Z" });
  });

  it("shlink: reads the web client's export; a second row on a slug with another destination is slug_taken", async () => {
    freshEnv();
    const report = await reportOf("shlink.csv", "shlink");
    expect(report.rows.map(({ line, status, slug, code }) => ({ line, status, slug, code }))).toEqual([
      { line: 2, status: "created", slug: "abc123", code: undefined },
      { line: 3, status: "created", slug: "spring-sale", code: undefined },
      { line: 4, status: "created", slug: "dup", code: undefined },
      { line: 5, status: "refused", slug: undefined, code: "slug_taken" },
    ]);
    const docs = (await exported()).find((link) => link.slug === "abc123");
    expect(docs).toMatchObject({ title: "Shlink docs", tags: "docs,shlink" });
  });

  it("csv: reads hexlink's plain CSV; each bad row is refused with its line, the others go in", async () => {
    freshEnv();
    const report = await reportOf("plain.csv", "csv");
    expect(report.rows.map(({ line, status, code }) => ({ line, status, code }))).toEqual([
      { line: 2, status: "created", code: undefined },
      { line: 3, status: "created", code: undefined },
      { line: 4, status: "created", code: undefined },
      { line: 5, status: "refused", code: "invalid_domain" },
      { line: 6, status: "refused", code: "invalid_request" },
      { line: 7, status: "refused", code: "invalid_request" },
      { line: 8, status: "refused", code: "invalid_request" },
    ]);
    const links = await exported();
    expect(links.find((link) => link.slug === "plain-three")?.password_protected).toBe("true");
    const derived = links.find((link) => link.long_url === "https://example.com/plain-2");
    expect(derived).toMatchObject({ expires_at: "2099-06-30T00:00:00.000Z" });
    // The row without a slug got a code derived from its URL: a second run finds it.
    expect(await importFile("plain.csv", "csv")).toMatchObject({ created: 0, skipped: 3, refused: 4 });
    expect((await exported()).filter((link) => link.long_url === "https://example.com/plain-2")).toHaveLength(
      1,
    );
  });

  it("--dry-run checks every row and writes nothing", async () => {
    freshEnv();
    expect(await importFile("shlink.csv", "shlink", "--dry-run")).toMatchObject({
      dry_run: true,
      created: 3,
      refused: 1,
    });
    expect(await exported()).toEqual([]);
  });

  it("export writes NDJSON to a file, and refuses a bad format or an unknown source", async () => {
    freshEnv();
    await importFile("shlink.csv", "shlink");
    const out = path.join(work, "links.ndjson");
    const run = await runCli(["export", "--account", "acme", "--format", "ndjson", "--out", out], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.slug).sort()).toEqual(["abc123", "dup", "spring-sale"]);
    expect(lines[0]).toMatchObject({
      total_clicks: 0,
      short_url: expect.stringMatching(/^https:\/\/sho\.rt\//),
    });
    expect((await runCli(["export", "--account", "acme", "--format", "xml"], env)).code).toBe(2);
    const unknown = await runCli(
      ["import", fixture("kutt.json"), "--from", "tinyurl", "--account", "acme"],
      env,
    );
    expect(unknown.code).toBe(2);
    const missing = await runCli(
      ["import", path.join(work, "nope.csv"), "--from", "csv", "--account", "acme"],
      env,
    );
    expect(missing.code).toBe(2);
  });
});
