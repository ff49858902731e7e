import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/bootstrap/config.js";

/** The ConfigError loadConfig throws for this environment (fails the test when it throws none). */
function errorFor(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("has the contract's defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      HEXLINK_STORE: "memory",
      baseUrl: "http://localhost:3000",
      HEXLINK_RATE_LIMIT_PER_SECOND: 10,
      HEXLINK_RATE_LIMIT_PER_HOUR: 1000,
      HEXLINK_RATE_LIMIT_PER_MONTH: 100_000,
      HEXLINK_REDIRECT_STATUS: 302,
      HEXLINK_API_KEYS: [],
      HEXLINK_BLOCKED_DOMAINS: [],
      HEXLINK_ALLOW_PRIVATE_DESTINATIONS: false,
      HEXLINK_WEBHOOKS_ALLOW_PRIVATE: false,
      HEXLINK_UNKNOWN_HOSTS: "fallback",
      HEXLINK_DOMAIN_ALIASES: [],
      HEXLINK_AUTH_FAILURES_PER_MINUTE: 30,
      HEXLINK_QR_CODES_PER_MINUTE: 60,
      HEXLINK_HEADERS_TIMEOUT_MS: 10_000,
      HEXLINK_REQUEST_TIMEOUT_MS: 30_000,
    });
  });

  it("reads blocklist and alias entries given as URLs as their host, and the destination policy switches", () => {
    const config = loadConfig({
      HEXLINK_BLOCKED_DOMAINS: "http://evil.example/path, https://Tracker.Example:8443/x?y, plain.test",
      HEXLINK_DOMAIN_ALIASES: "www.sho.rt, https://go.sho.rt",
      HEXLINK_ALLOW_PRIVATE_DESTINATIONS: "true",
      HEXLINK_UNKNOWN_HOSTS: "404",
    });
    expect(config.HEXLINK_BLOCKED_DOMAINS).toEqual(["evil.example", "tracker.example:8443", "plain.test"]);
    expect(config.HEXLINK_DOMAIN_ALIASES).toEqual(["www.sho.rt", "go.sho.rt"]);
    expect(config).toMatchObject({ HEXLINK_ALLOW_PRIVATE_DESTINATIONS: true, HEXLINK_UNKNOWN_HOSTS: "404" });
    expect(loadConfig({ HEXLINK_WEBHOOKS_ALLOW_PRIVATE: "true" }).HEXLINK_WEBHOOKS_ALLOW_PRIVATE).toBe(true);
  });

  it("derives the base URL from PORT when HEXLINK_BASE_URL is unset, and takes it as given otherwise", () => {
    expect(loadConfig({ PORT: "8080" }).baseUrl).toBe("http://localhost:8080");
    expect(loadConfig({ HEXLINK_BASE_URL: "https://sho.rt" }).baseUrl).toBe("https://sho.rt");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", HEXLINK_STORE: "" })).toMatchObject({
      PORT: 3000,
      HEXLINK_STORE: "memory",
    });
  });

  it("reads lists, keys and numbers", () => {
    const config = loadConfig({
      HEXLINK_API_KEYS: "acme:0123456789abcdef, team.b@x:fedcba9876543210xyz",
      HEXLINK_BLOCKED_DOMAINS: "evil.test, ,tracker.example",
      HEXLINK_RATE_LIMIT_PER_SECOND: "5",
      HEXLINK_REDIRECT_STATUS: "301",
      HEXLINK_STORE: "redis",
      REDIS_URL: "redis://localhost:6379",
    });
    expect(config.HEXLINK_API_KEYS).toEqual([
      { accountId: "acme", key: "0123456789abcdef" },
      { accountId: "team.b@x", key: "fedcba9876543210xyz" },
    ]);
    expect(config.HEXLINK_BLOCKED_DOMAINS).toEqual(["evil.test", "tracker.example"]);
    expect(config).toMatchObject({ HEXLINK_RATE_LIMIT_PER_SECOND: 5, HEXLINK_REDIRECT_STATUS: 301 });
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ["PORT", { PORT: "abc" }],
    ["PORT", { PORT: "70000" }],
    ["HEXLINK_STORE", { HEXLINK_STORE: "sql" }],
    ["HEXLINK_REDIRECT_STATUS", { HEXLINK_REDIRECT_STATUS: "303" }],
    ["HEXLINK_API_KEYS", { HEXLINK_API_KEYS: "bad" }],
    ["HEXLINK_API_KEYS", { HEXLINK_API_KEYS: "acme:short" }],
    ["REDIS_URL", { HEXLINK_STORE: "redis" }],
    ["MONGODB_URL", { HEXLINK_STORE: "mongodb" }],
    ["HEXLINK_BASE_URL", { HEXLINK_BASE_URL: "ftp://sho.rt" }],
    ["HEXLINK_BASE_URL", { HEXLINK_BASE_URL: "https://example.com/s" }],
    ["HEXLINK_RATE_LIMIT_PER_HOUR", { HEXLINK_RATE_LIMIT_PER_HOUR: "0" }],
    ["HEXLINK_TRUST_PROXY", { HEXLINK_TRUST_PROXY: "not an ip" }],
    ["HEXLINK_GEOIP_DB", { HEXLINK_GEOIP_DB: "/no/such/file.mmdb" }],
    ["HEXLINK_VISITOR_SECRET", { HEXLINK_VISITOR_SECRET: "short" }],
    ["HEXLINK_BLOCKED_DOMAINS", { HEXLINK_BLOCKED_DOMAINS: "evil.example/path" }],
    ["HEXLINK_BLOCKED_DOMAINS", { HEXLINK_BLOCKED_DOMAINS: "ftp://evil.example/" }],
    ["HEXLINK_BLOCKED_DOMAINS", { HEXLINK_BLOCKED_DOMAINS: "http://user@evil.example/" }],
    ["HEXLINK_DOMAIN_ALIASES", { HEXLINK_DOMAIN_ALIASES: "www sho rt" }],
    ["HEXLINK_ALLOW_PRIVATE_DESTINATIONS", { HEXLINK_ALLOW_PRIVATE_DESTINATIONS: "yes" }],
    ["HEXLINK_WEBHOOKS_ALLOW_PRIVATE", { HEXLINK_WEBHOOKS_ALLOW_PRIVATE: "1" }],
    ["HEXLINK_UNKNOWN_HOSTS", { HEXLINK_UNKNOWN_HOSTS: "drop" }],
    ["HEXLINK_AUTH_FAILURES_PER_MINUTE", { HEXLINK_AUTH_FAILURES_PER_MINUTE: "0" }],
    ["HEXLINK_QR_CODES_PER_MINUTE", { HEXLINK_QR_CODES_PER_MINUTE: "0" }],
    ["HEXLINK_HEADERS_TIMEOUT_MS", { HEXLINK_HEADERS_TIMEOUT_MS: "10s" }],
    ["HEXLINK_HEADERS_TIMEOUT_MS", { HEXLINK_HEADERS_TIMEOUT_MS: "0" }],
    ["HEXLINK_REQUEST_TIMEOUT_MS", { HEXLINK_REQUEST_TIMEOUT_MS: "5000" }],
    [
      "HEXLINK_REQUEST_TIMEOUT_MS",
      { HEXLINK_HEADERS_TIMEOUT_MS: "2000", HEXLINK_REQUEST_TIMEOUT_MS: "1000" },
    ],
    ["HEXLINK_BASE_URL", { HEXLINK_BASE_URL: "sho.rt" }],
    ["HEXLINK_BASE_URL", { HEXLINK_BASE_URL: "://" }],
    ["HOST", { HOST: "not a host!" }],
    ["HOST", { HOST: "exa_mple" }],
    ["HEXLINK_RATE_LIMIT_PER_SECOND", { HEXLINK_RATE_LIMIT_PER_SECOND: "1e3" }],
    ["HEXLINK_RATE_LIMIT_PER_SECOND", { HEXLINK_RATE_LIMIT_PER_SECOND: "0x10" }],
    ["HEXLINK_RATE_LIMIT_PER_SECOND", { HEXLINK_RATE_LIMIT_PER_SECOND: "2.5" }],
    ["PORT", { PORT: "3e3" }],
    ["PORT", { PORT: "-1" }],
    ["HEXLINK_GEOIP_DB", { HEXLINK_GEOIP_DB: "/etc/hostname" }],
    ["HEXLINK_CORS_ORIGINS", { HEXLINK_CORS_ORIGINS: "app.example" }],
    ["HEXLINK_CORS_ORIGINS", { HEXLINK_CORS_ORIGINS: "https://app.example/path" }],
    ["HEXLINK_CORS_ORIGINS", { HEXLINK_CORS_ORIGINS: "https://a.example, *" }],
    ["HEXLINK_CORS_ORIGINS", { HEXLINK_CORS_ORIGINS: "ftp://files.example" }],
    ["HEXLINK_CORS_ORIGINS", { HEXLINK_CORS_ORIGINS: " , " }],
    ["HEXLINK_METRICS_TOKEN", { HEXLINK_METRICS_TOKEN: "short" }],
  ])("throws a ConfigError of one line naming %s", (variable, env) => {
    const error = errorFor(env);
    expect(error.name).toBe("ConfigError");
    expect(error.message).not.toContain("\n");
    expect(error.message).toMatch(new RegExp(`^Invalid ${variable}: `));
  });

  it.each(["true", "false", "2", "loopback", "10.0.0.0/8, 127.0.0.1", "uniquelocal,::1"])(
    "accepts %j as HEXLINK_TRUST_PROXY, as Express would",
    (value) => {
      expect(loadConfig({ HEXLINK_TRUST_PROXY: value }).HEXLINK_TRUST_PROXY).toBe(value);
    },
  );

  it.each(["0.0.0.0", "::", "127.0.0.1", "::1", "localhost", "api.internal.example"])(
    "accepts %j as HOST",
    (value) => {
      expect(loadConfig({ HOST: value }).HOST).toBe(value);
    },
  );

  it("accepts the bundled country database as HEXLINK_GEOIP_DB, as a MaxMind file", () => {
    const bundled = createRequire(import.meta.url).resolve(
      "@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb",
    );
    expect(loadConfig({ HEXLINK_GEOIP_DB: bundled }).HEXLINK_GEOIP_DB).toBe(bundled);
  });

  it("reads HEXLINK_CORS_ORIGINS as * or a list of origins as browsers send them", () => {
    expect(loadConfig({}).HEXLINK_CORS_ORIGINS).toBeUndefined();
    expect(loadConfig({ HEXLINK_CORS_ORIGINS: "*" }).HEXLINK_CORS_ORIGINS).toBe("*");
    expect(
      loadConfig({ HEXLINK_CORS_ORIGINS: "https://App.Example/, http://localhost:5173" })
        .HEXLINK_CORS_ORIGINS,
    ).toEqual(["https://app.example", "http://localhost:5173"]);
  });

  it("never repeats a secret in the message", () => {
    expect(errorFor({ HEXLINK_API_KEYS: "acme:tooshort" }).message).not.toContain("tooshort");
    expect(errorFor({ HEXLINK_METRICS_TOKEN: "tooshort" }).message).not.toContain("tooshort");
    expect(errorFor({ HEXLINK_STORE: "redis", REDIS_URL: "http://user:pw@host" }).message).not.toContain(
      "pw@",
    );
  });
});

describe("HEXLINK_WORKERS", () => {
  const redis = { HEXLINK_STORE: "redis", REDIS_URL: "redis://127.0.0.1:6379" };

  it("is 1 by default, a whole number from 1 to 256, or auto (one per core this process may use)", async () => {
    const { availableParallelism } = await import("node:os");
    expect(loadConfig({}).HEXLINK_WORKERS).toBe(1);
    expect(loadConfig({ ...redis, HEXLINK_WORKERS: "4" }).HEXLINK_WORKERS).toBe(4);
    expect(loadConfig({ ...redis, HEXLINK_WORKERS: "auto" }).HEXLINK_WORKERS).toBe(availableParallelism());
    for (const bad of ["0", "257", "1.5", "-1", "two", "1e2"]) {
      expect(errorFor({ ...redis, HEXLINK_WORKERS: bad }).message).toBe(
        `Invalid HEXLINK_WORKERS: must be auto or a whole number from 1 to 256 (got '${bad}')`,
      );
    }
  });

  it("refuses more than one worker on the memory store, whose state each worker would hold apart", () => {
    expect(errorFor({ HEXLINK_WORKERS: "3" }).message).toMatch(
      /^Invalid HEXLINK_WORKERS: 3 workers need HEXLINK_STORE=redis or mongodb: with the memory store each worker would hold its own links, keys and clicks/,
    );
    expect(loadConfig({ HEXLINK_WORKERS: "1" }).HEXLINK_WORKERS).toBe(1);
    expect(
      loadConfig({ HEXLINK_STORE: "mongodb", MONGODB_URL: "mongodb://127.0.0.1/x", HEXLINK_WORKERS: "2" })
        .HEXLINK_WORKERS,
    ).toBe(2);
  });
});
