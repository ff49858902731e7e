/** v1 failures of what a request asks for: destinations, slugs, links, domains, dates, and stores. */
import { describe, expect, it } from "vitest";
import { InMemoryLinkRepository } from "../../src/adapters/memory/in-memory-link-repository.js";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import type { Link } from "../../src/domain/link/link.js";
import { ApiClient, expectV1Error } from "../support/http-client.js";
import { api, server, useV1ErrorServer, V1_ERRORS_KEY } from "./v1-servers.js";

const KEY = V1_ERRORS_KEY;
const LINKS = "/v1/links";

const start = useV1ErrorServer();

describe("invalid_destination (400)", () => {
  it("for anything but an absolute http(s) URL", async () => {
    const urls = [
      "",
      "not a url",
      "example.com/path",
      "//example.com/path",
      "/relative",
      "ftp://example.com/file",
      "javascript:alert(1)",
      "data:text/html,hi",
      "mailto:someone@example.com",
      "https://",
      "https://exa mple.com/",
      "https://example.com/a\r\nX-Injected: 1",
      "https://example.com/\u0000",
    ];
    for (const url of urls) {
      expectV1Error(await api.post(LINKS, { url }), "invalid_destination");
    }
  });

  it("for more than 8192 characters, while exactly 8192 are taken", async () => {
    const base = "https://example.com/";
    expect((await api.post(LINKS, { url: base + "a".repeat(8192 - base.length) })).status).toBe(201);
    expectV1Error(
      await api.post(LINKS, { url: base + "a".repeat(8193 - base.length) }),
      "invalid_destination",
    );
  });

  it("for a redirect loop to the server's own domain, however it is spelled", async () => {
    const own = `127.0.0.1:${server.port}`;
    for (const url of [`${server.url}/abc`, `http://${own}`, `HTTP://${own}/X?y=1`, `https://${own}/abc`]) {
      expectV1Error(await api.post(LINKS, { url }), "invalid_destination");
    }
    const link = await api.createLink({ url: "https://example.com/not-a-loop" });
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { url: `${server.url}/loop` }),
      "invalid_destination",
    );
  });

  it("for a redirect loop to a custom domain served here", async () => {
    await api.post("/v1/domains", { hostname: "loop.example.com" });
    await server.hexlink.activateDomain.execute({ hostname: "loop.example.com" });
    expectV1Error(await api.post(LINKS, { url: "https://loop.example.com/abc" }), "invalid_destination");
  });
});

describe("invalid_slug (400)", () => {
  it("for characters outside [A-Za-z0-9_-], lengths outside 3–64, and reserved words in any case", async () => {
    const slugs = [
      "",
      "ab",
      "a".repeat(65),
      "has space",
      "dot.slug",
      "slash/slug",
      "ünïcode",
      "emoji🙂",
      "v1",
      "T",
      "Docs",
      "healthz",
      "READYZ",
      "client",
      "static",
    ];
    for (const slug of slugs) {
      const response = await api.post(LINKS, { url: "https://example.com/slug", custom_slug: slug });
      expectV1Error(response, "invalid_slug");
    }
    const link = await api.createLink({ url: "https://example.com/slug-edit" });
    expectV1Error(await api.patch(`${LINKS}/${link.id}`, { custom_slug: "docs" }), "invalid_slug");
    expect((await api.post(LINKS, { url: "https://example.com", custom_slug: "a".repeat(64) })).status).toBe(
      201,
    );
    expect((await api.post(LINKS, { url: "https://example.com", custom_slug: "a_-" })).status).toBe(201);
  });
});

describe("slug_taken (400)", () => {
  it("with the sentence of the seed", async () => {
    await api.createLink({ url: "https://example.com/one", custom_slug: "Same-Slug" });
    const error = expectV1Error(
      await api.post(LINKS, { url: "https://example.com/two", custom_slug: "Same-Slug" }),
      "slug_taken",
    );
    expect(error.error).toBe("The custom slug 'Same-Slug' is already taken.");
  });
});

describe("slug_generation_failed (503)", () => {
  it("when the code generator finds no free code", async () => {
    const running = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      ports: { codes: { generate: () => "always" } },
    });
    const client = new ApiClient(running.url, KEY);
    const first = await client.createLink({ url: "https://example.com/first" });
    expect(first.slug).toBe("always");
    expectV1Error(await client.post(LINKS, { url: "https://example.com/second" }), "slug_generation_failed");
  });
});

describe("link_not_found (404)", () => {
  it("for an unknown id on every verb", async () => {
    for (const id of ["lnk_000000000000000000000", "nope", "%20"]) {
      expectV1Error(await api.get(`${LINKS}/${id}`), "link_not_found");
      expectV1Error(await api.patch(`${LINKS}/${id}`, { status: "disabled" }), "link_not_found");
      expectV1Error(await api.delete(`${LINKS}/${id}`), "link_not_found");
      expectV1Error(await api.get(`${LINKS}/${id}/analytics`), "link_not_found");
    }
  });
});

describe("edit_not_allowed (409)", () => {
  it("for changing the url of a link whose clicks are used up", async () => {
    const link = await api.createLink({ url: "https://example.com/once", max_clicks: 1 });
    const first = await fetch(link.short_url, { redirect: "manual" });
    expect(first.status).toBe(302);
    expect((await fetch(link.short_url, { redirect: "manual" })).status).toBe(410);
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { url: "https://example.com/twice" }),
      "edit_not_allowed",
    );
    expectV1Error(await api.patch(`${LINKS}/${link.id}`, { custom_slug: "revived" }), "edit_not_allowed");
  });
});

describe("destination_blocked (400)", () => {
  it("for a blocked host and its subdomains, not for a host that merely ends alike", async () => {
    for (const url of [
      "https://blocked.example/x",
      "http://BLOCKED.example:8080/",
      "https://deep.sub.blocked.example/path",
    ]) {
      expectV1Error(await api.post(LINKS, { url }), "destination_blocked");
    }
    const link = await api.createLink({ url: "https://notblocked.example/fine" });
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { url: "https://www.blocked.example/" }),
      "destination_blocked",
    );
  });
});

describe("invalid_domain (400)", () => {
  it("for a link on a domain that is unknown, pending or another account's", async () => {
    const other = await server.hexlink.createApiKey.execute({ accountId: "other-account" });
    await new ApiClient(server.url, other.key).post("/v1/domains", { hostname: "theirs.example.com" });
    await server.hexlink.activateDomain.execute({ hostname: "theirs.example.com" });
    await api.post("/v1/domains", { hostname: "pending.example.com" });
    for (const domain of [
      "unknown.example.com",
      "pending.example.com",
      "theirs.example.com",
      "not a domain",
    ]) {
      expectV1Error(await api.post(LINKS, { url: "https://example.com/d", domain }), "invalid_domain");
    }
  });

  it("for registering a bad, taken or default hostname", async () => {
    // Taken by another account: registering again from the same account answers its own record.
    const rival = await server.hexlink.createApiKey.execute({ accountId: "rival-account" });
    await new ApiClient(server.url, rival.key).post("/v1/domains", { hostname: "registered.example.com" });
    const hostnames = [
      "",
      "not a host",
      "localhost",
      "127.0.0.1",
      "-bad.example.com",
      "under_score.example.com",
      "registered.example.com",
      `127.0.0.1:${server.port}`,
    ];
    for (const hostname of hostnames) {
      expectV1Error(await api.post("/v1/domains", { hostname }), "invalid_domain");
    }
  });

  it("for verifying or deleting a domain the account does not have", async () => {
    expectV1Error(await api.post("/v1/domains/nowhere.example.com/verify"), "invalid_domain");
    expectV1Error(await api.delete("/v1/domains/nowhere.example.com"), "invalid_domain");
  });
});

describe("invalid_date_range (400)", () => {
  it("for a bad day, start after end, or more than 366 days", async () => {
    const link = await api.createLink({ url: "https://example.com/range" });
    const queries = [
      "start=2026-02-30&end=2026-03-01",
      "start=yesterday",
      "end=2026-13-01",
      "start=2026-1-1&end=2026-01-31",
      "start=2026-01-01T00:00:00Z&end=2026-01-31",
      "start=2026-02-01&end=2026-01-31",
      "start=2025-01-01&end=2026-01-02",
    ];
    for (const query of queries) {
      expectV1Error(await api.get(`${LINKS}/${link.id}/analytics?${query}`), "invalid_date_range");
    }
    const longest = await api.get(`${LINKS}/${link.id}/analytics?start=2025-01-01&end=2026-01-01`);
    expect(longest.status).toBe(200);
  });
});

describe("unavailable (503)", () => {
  it("when a store fails, without leaking what failed", async () => {
    class FailingLinks extends InMemoryLinkRepository {
      override async create(_link: Link): Promise<void> {
        throw new Error("connection to 10.0.0.7:27017 refused");
      }
    }
    const running = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      stores: { ...memoryStores(), links: new FailingLinks() },
    });
    const response = await new ApiClient(running.url, KEY).post(LINKS, { url: "https://example.com/down" });
    const error = expectV1Error(response, "unavailable");
    expect(error.error).not.toContain("10.0.0.7");
  });
});
