import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest, REDIRECT_SERVERS } from "../support/http-client.js";
import type { RunningServer } from "../support/http-server.js";

const ACCOUNT = "acme";
const CUSTOM = "go.example.com";

describe.each(REDIRECT_SERVERS)("custom domains through the %s", (_name, start) => {
  let server: RunningServer;
  let defaultHost: string;

  beforeAll(async () => {
    server = await start({});
    defaultHost = `127.0.0.1:${server.port}`;
    const { hexlink } = server;
    await hexlink.registerDomain.execute({ accountId: ACCOUNT, hostname: CUSTOM });
    await hexlink.activateDomain.execute({ hostname: CUSTOM });
    await hexlink.registerDomain.execute({ accountId: ACCOUNT, hostname: "pending.example.com" });
    const create = (slug: string, url: string, domain?: string) =>
      hexlink.createLink.execute({
        accountId: ACCOUNT,
        url,
        customSlug: slug,
        ...(domain ? { domain } : {}),
      });
    await create("promo", "https://example.com/custom-promo", CUSTOM);
    await create("home", "https://example.com/default-home");
    await create("both", "https://example.com/both-default");
    await create("both", "https://example.com/both-custom", CUSTOM);
  });

  afterAll(async () => {
    await server.close();
  });

  const get = (host: string, path: string) => httpRequest(`${server.url}${path}`, { headers: { host } });

  it("a link on an active custom domain answers when the Host is that domain, in any case", async () => {
    for (const host of [CUSTOM, "GO.Example.COM", `${CUSTOM}.`]) {
      const response = await get(host, "/promo");
      expect(response.status, host).toBe(302);
      expect(response.headers.location).toBe("https://example.com/custom-promo");
    }
  });

  it("a custom domain's link answers on no other Host", async () => {
    for (const host of [defaultHost, "localhost", "elsewhere.example.org", "pending.example.com"]) {
      const response = await get(host, "/promo");
      expect(response.status, host).toBe(404);
      expect(response.headers.location).toBeUndefined();
    }
  });

  it("a Host that is no active custom domain resolves against the default domain", async () => {
    for (const host of [defaultHost, "localhost", `localhost:${server.port}`, "proxy.internal"]) {
      const response = await get(host, "/home");
      expect(response.status, host).toBe(302);
      expect(response.headers.location).toBe("https://example.com/default-home");
    }
  });

  it("a registered custom domain that is not verified yet, on any port, never serves the default domain's links", async () => {
    for (const host of ["pending.example.com", "Pending.Example.com:8443", "pending.example.com."]) {
      const response = await get(host, "/home");
      expect(response.status, host).toBe(404);
      expect(response.headers.location, host).toBeUndefined();
    }
  });

  it("an active custom domain serves its own links on any port, and never the default domain's", async () => {
    const promo = await get(`${CUSTOM}:8443`, "/promo");
    expect(promo.status).toBe(302);
    expect(promo.headers.location).toBe("https://example.com/custom-promo");
    expect((await get(`${CUSTOM}:8443`, "/home")).status).toBe(404);
  });

  it("the default domain's links do not answer on a custom domain", async () => {
    const response = await get(CUSTOM, "/home");
    expect(response.status).toBe(404);
  });

  it("the same slug on two domains answers with each domain's own link", async () => {
    expect((await get(CUSTOM, "/both")).headers.location).toBe("https://example.com/both-custom");
    expect((await get(defaultHost, "/both")).headers.location).toBe("https://example.com/both-default");
    expect((await get("unknown.example.net", "/both")).headers.location).toBe(
      "https://example.com/both-default",
    );
  });
});

describe.each(REDIRECT_SERVERS)("HEXLINK_UNKNOWN_HOSTS=404 through the %s", (_name, start) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await start({ settings: { unknownHosts: "404", domainAliases: ["www.sho.example"] } });
    await server.hexlink.createLink.execute({
      accountId: ACCOUNT,
      url: "https://example.com/a",
      customSlug: "home",
    });
  });

  afterAll(async () => {
    await server.close();
  });

  const get = (host: string, path: string) => httpRequest(`${server.url}${path}`, { headers: { host } });

  it("serves the default domain's links on the default domain and its aliases only", async () => {
    for (const host of [`127.0.0.1:${server.port}`, "www.sho.example", "WWW.sho.example."]) {
      expect((await get(host, "/home")).status, host).toBe(302);
    }
    for (const host of ["localhost", `localhost:${server.port}`, "proxy.internal", "www.sho.example:8080"]) {
      const response = await get(host, "/home");
      expect(response.status, host).toBe(404);
      expect(response.headers.location, host).toBeUndefined();
    }
  });
});

describe.each(REDIRECT_SERVERS)("a deleted custom domain through the %s", (_name, start) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await start({});
    const { hexlink } = server;
    await hexlink.registerDomain.execute({ accountId: ACCOUNT, hostname: "gone.example.com" });
    await hexlink.activateDomain.execute({ hostname: "gone.example.com" });
    await hexlink.createLink.execute({
      accountId: ACCOUNT,
      url: "https://example.com/x",
      customSlug: "home",
    });
    await hexlink.deleteDomain.execute({ accountId: ACCOUNT, hostname: "gone.example.com" });
  });

  afterAll(async () => {
    await server.close();
  });

  it("answers 404 on its hostname, any port, instead of the default domain's links", async () => {
    for (const host of ["gone.example.com", "gone.example.com:8443"]) {
      const response = await httpRequest(`${server.url}/home`, { headers: { host } });
      expect(response.status, host).toBe(404);
    }
    const fallback = await httpRequest(`${server.url}/home`, { headers: { host: "other.example.com" } });
    expect(fallback.status).toBe(302);
  });
});
