import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/bootstrap/config.js";
import { hexlinkFromConfig } from "../../../src/bootstrap/hexlink-from-config.js";
import { type RedisServer, redisAvailable, startRedisServer } from "../../support/redis-server.js";
import { runCli, runCliJson } from "../../support/run-cli.js";

const SEEDED = "hxk_cli_commands_seeded_key_01";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

interface JsonLink {
  readonly id: string;
  readonly shortUrl: string;
  readonly status: string;
  readonly destination: string;
  readonly domain: string;
}

describe.skipIf(!redisAvailable())("the CLI's commands on a Redis store", () => {
  let redis: RedisServer;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    redis = await startRedisServer();
    env = { HEXLINK_STORE: "redis", REDIS_URL: redis.url, HEXLINK_BASE_URL: "https://sho.rt" };
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("keys: a key seeded from HEXLINK_API_KEYS is listed with its id; create, revoke and list agree", async () => {
    const seededEnv = { ...env, HEXLINK_API_KEYS: `seeded:${SEEDED}` };
    const listed = await runCliJson<{ keys: { id: string; revokedAt: string | null }[] }>(
      ["keys", "list", "--account", "seeded"],
      seededEnv,
    );
    expect(listed.keys).toHaveLength(1);
    expect(listed.keys[0]?.id).toMatch(/^key_/);
    const created = await runCliJson<{ key: string; api_key: { id: string } }>(
      ["keys", "create", "--account", "seeded"],
      env,
    );
    expect(created.key).toMatch(/^hxk_/);
    expect((await runCli(["keys", "revoke", created.api_key.id], env)).code).toBe(0);
    const renamed = await runCli(["keys", "rename", created.api_key.id, "nightly export"], env);
    expect(renamed).toMatchObject({ code: 0, stdout: `renamed ${created.api_key.id} to nightly export\n` });
    expect((await runCli(["keys", "rename", "key_missing", "x"], env)).code).toBe(1);
    expect((await runCli(["keys", "rename", created.api_key.id, " "], env)).code).toBe(1);
    const text = await runCli(["keys", "list", "--account", "seeded"], env);
    expect(text.code).toBe(0);
    const rows = text.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^id\s+name\s+account\s+created\s+revoked/);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(String(listed.keys[0]?.id));
    expect(rows[2]).toContain(created.api_key.id);
    expect(rows[2]).toContain("nightly export");
    expect(rows[2]).toMatch(/\d{4}-\d\d-\d\dT.*\d{4}-\d\d-\d\dT/);
    // Removing a key from HEXLINK_API_KEYS does not revoke it: it is still listed as usable.
    const later = await runCliJson<{ keys: { id: string; revokedAt: string | null }[] }>(
      ["keys", "list", "--account", "seeded"],
      env,
    );
    expect(later.keys.find((key) => key.id === listed.keys[0]?.id)?.revokedAt).toBeNull();
  });

  it("keys create takes --name, --scopes, --domains and --expires; list shows them; bad values are refused", async () => {
    const created = await runCliJson<{
      key: string;
      api_key: { id: string; name: string; scopes: string[]; domains: string[]; expiresAt: string };
    }>(
      [
        "keys",
        "create",
        "--account",
        "scoped",
        "--name",
        "reports",
        "--scopes",
        "analytics:read, links:read",
        "--domains",
        "Go.Acme.test",
        "--expires",
        "2099-01-31T00:00:00Z",
      ],
      env,
    );
    expect(created.api_key).toMatchObject({
      name: "reports",
      scopes: ["links:read", "analytics:read"],
      domains: ["go.acme.test"],
      expiresAt: "2099-01-31T00:00:00.000Z",
    });
    const relative = await runCliJson<{ api_key: { expiresAt: string; scopes: string[] } }>(
      ["keys", "create", "--account", "scoped", "--expires", "30d", "--scopes", ""],
      env,
    );
    const days = (Date.parse(relative.api_key.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(relative.api_key.scopes).toEqual([]);
    const text = await runCli(["keys", "list", "--account", "scoped"], env);
    const rows = text.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/scopes\s+domains\s+expires\s+last used$/);
    expect(rows[1]).toMatch(/links:read,analytics:read\s+go\.acme\.test\s+2099-01-31T00:00:00\.000Z\s+-$/);
    expect(rows[2]).toMatch(/none\s+all\s+\d{4}-/);
    expect((await runCli(["keys", "create", "--account", "scoped", "--expires", "soon"], env)).code).toBe(2);
    expect(
      (await runCli(["keys", "create", "--account", "scoped", "--scopes", "links:admin"], env)).code,
    ).toBe(1);
    expect(
      (await runCli(["keys", "create", "--account", "scoped", "--expires", "2001-01-01T00:00:00Z"], env))
        .code,
    ).toBe(1);
  });

  it("domains: register prints the DNS proof, activate activates, list shows it, delete removes it", async () => {
    const registered = await runCli(["domains", "register", "go.acme.test", "--account", "acme"], env);
    expect(registered.code).toBe(0);
    expect(registered.stdout).toMatch(/go\.acme\.test is pending\nprove it with a DNS record: TXT \S+ "\S+"/);
    expect((await runCli(["domains", "activate", "go.acme.test"], env)).stdout).toBe(
      "go.acme.test is active\n",
    );
    const listed = await runCliJson<{ domains: { hostname: string; status: string }[] }>(
      ["domains", "list", "--account", "acme"],
      env,
    );
    expect(listed.domains).toEqual([expect.objectContaining({ hostname: "go.acme.test", status: "active" })]);
    const other = await runCli(["domains", "delete", "go.acme.test", "--account", "other"], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^hexlink: \w+: /);
    expect((await runCli(["domains", "delete", "go.acme.test", "--account", "acme"], env)).code).toBe(0);
    expect((await runCli(["domains", "list", "--account", "acme"], env)).stdout).toBe("no domains\n");
  });

  it("links: create, get, update, disable and enable, list with the API's filters and cursor, delete", async () => {
    const made: JsonLink[] = [];
    for (const n of [1, 2, 3]) {
      const { link } = await runCliJson<{ link: JsonLink }>(
        ["links", "create", `https://example.com/${n}`, "--account", "lister"],
        env,
      );
      made.push(link);
    }
    const [first, second, third] = made;
    if (first === undefined || second === undefined || third === undefined)
      throw new Error("3 links expected");
    const custom = await runCli(
      ["links", "create", "https://example.com/c", "--account", "lister", "--slug", "cli-c"],
      env,
    );
    expect(custom.stdout).toMatch(/^short URL:\s+https:\/\/sho\.rt\/cli-c$/m);
    const got = await runCliJson<{ link: JsonLink }>(["links", "get", first.id, "--account", "lister"], env);
    expect(got.link).toMatchObject({ id: first.id, destination: "https://example.com/1", status: "active" });
    const updated = await runCliJson<{ link: JsonLink }>(
      ["links", "update", first.id, "--account", "lister", "--url", "https://example.org/new"],
      env,
    );
    expect(updated.link.destination).toBe("https://example.org/new");
    expect(
      (await runCliJson<{ link: JsonLink }>(["links", "disable", second.id, "--account", "lister"], env)).link
        .status,
    ).toBe("disabled");
    const disabled = await runCliJson<{ links: JsonLink[] }>(
      ["links", "list", "--account", "lister", "--status", "disabled"],
      env,
    );
    expect(disabled.links.map((link) => link.id)).toEqual([second.id]);
    const searched = await runCliJson<{ links: JsonLink[] }>(
      ["links", "list", "--account", "lister", "--q", "EXAMPLE.ORG/NEW", "--tag", "nothing,here"],
      env,
    );
    expect(searched.links).toEqual([]);
    const found = await runCliJson<{ links: JsonLink[] }>(
      ["links", "list", "--account", "lister", "--q", "EXAMPLE.ORG/NEW"],
      env,
    );
    expect(found.links.map((link) => link.id)).toEqual([first.id]);
    expect(
      (await runCliJson<{ link: JsonLink }>(["links", "enable", second.id, "--account", "lister"], env)).link
        .status,
    ).toBe("active");
    const page = await runCliJson<{ links: JsonLink[]; next_cursor: string | null }>(
      ["links", "list", "--account", "lister", "--limit", "2", "--domain", "sho.rt"],
      env,
    );
    expect(page.links).toHaveLength(2);
    expect(page.next_cursor).not.toBeNull();
    const rest = await runCliJson<{ links: JsonLink[]; next_cursor: string | null }>(
      ["links", "list", "--account", "lister", "--limit", "2", "--cursor", String(page.next_cursor)],
      env,
    );
    const ids = [...page.links, ...rest.links].map((link) => link.id).sort();
    expect(ids).toHaveLength(4);
    expect(ids).toEqual(expect.arrayContaining(made.map((link) => link.id)));
    expect((await runCli(["links", "delete", third.id, "--account", "lister"], env)).stdout).toBe(
      `deleted ${third.id}\n`,
    );
    const gone = await runCli(["links", "get", third.id, "--account", "lister", "--json"], env);
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stderr)).toEqual({
      error: { code: "link_not_found", message: expect.any(String) },
    });
  });

  it("stats prints a link's clicks as tables: totals, days, and each dimension with clicks", async () => {
    const { link } = await runCliJson<{ link: JsonLink }>(
      ["links", "create", "https://example.com/stats", "--account", "stats"],
      env,
    );
    const hexlink = await hexlinkFromConfig(loadConfig(env));
    try {
      for (const ip of ["8.8.8.8", "8.8.4.4", "8.8.8.8"]) {
        const headers = { "user-agent": BROWSER };
        const slug = link.shortUrl.split("/").pop() ?? "";
        await hexlink.resolveRedirect.execute({
          host: "sho.rt",
          slug,
          query: "",
          ip,
          userAgent: BROWSER,
          referrer: "",
          headers,
        });
      }
    } finally {
      await hexlink.close();
    }
    const table = await runCli(["stats", link.id, "--account", "stats"], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^total clicks\s+unique clicks\s+bot clicks\n3\s+2\s+0$/m);
    expect(table.stdout).toMatch(/^country\s+clicks\nUS\s+3$/m);
    const json = await runCliJson<{ analytics: { totalClicks: number } }>(
      ["stats", link.id, "--account", "stats"],
      env,
    );
    expect(json.analytics.totalClicks).toBe(3);
  });

  it("doctor passes on a reachable Redis, naming its version, and fails in plain words when it is down", async () => {
    const healthy = await runCli(["doctor"], env);
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(/^ok\s+redis version\s+Redis \d+\.\d+/m);
    expect(healthy.stdout).toMatch(/^ok\s+geoip\s+/m);
    const down = await runCli(["doctor", "--json"], { ...env, REDIS_URL: "redis://127.0.0.1:1" });
    expect(down.code).toBe(1);
    const { checks } = JSON.parse(down.stdout) as {
      checks: { name: string; status: string; detail: string }[];
    };
    expect(checks.find((check) => check.name === "store:redis")).toMatchObject({ status: "fail" });
    expect(checks.find((check) => check.name === "redis version")).toMatchObject({ status: "fail" });
    const bad = await runCli(["doctor"], { ...env, HEXLINK_BASE_URL: "sho.rt" });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^fail\s+configuration\s+Invalid HEXLINK_BASE_URL: must be an absolute URL/m);
  });

  it("answers --version, --help per command, and usage mistakes with exit 2", async () => {
    expect((await runCli(["--version"], {})).stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = await runCli(["links", "list", "--help"], {});
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("--status active|disabled");
    for (const args of [
      ["links", "list"],
      ["links", "list", "--account", "a", "--limit", "1e3"],
      ["stats"],
      ["doctor", "x"],
    ]) {
      const run = await runCli(args, env);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("usage:");
    }
  });
});
