import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainVerifier } from "../../src/application/ports/technical.js";
import {
  ApiClient,
  expectV1Error,
  httpRequest,
  RELAXED_LIMITS,
  type V1Domain,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_v1_domains_suite_key_1";

/** A DNS stand-in: a TXT record exists once the test publishes it. */
class FakeDns implements DomainVerifier {
  private readonly records = new Map<string, string>();
  readonly asked: string[] = [];

  publish(name: string, value: string): void {
    this.records.set(name, value);
  }

  async hasTxtRecord(name: string, value: string): Promise<boolean> {
    this.asked.push(name);
    return this.records.get(name) === value;
  }
}

const dns = new FakeDns();
let server: RunningServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startServer({
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: { rateLimits: RELAXED_LIMITS },
    ports: { domainVerifier: dns },
  });
  api = new ApiClient(server.url, KEY);
});

afterAll(async () => {
  await server.close();
});

type DomainBody = { success: boolean; domain: V1Domain };

describe("POST /v1/domains", () => {
  it("answers 201 with the pending domain and the TXT record to publish", async () => {
    const response = await api.post<DomainBody>("/v1/domains", { hostname: "Links.Example.COM" });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      success: true,
      domain: {
        hostname: "links.example.com",
        status: "pending",
        verification: {
          type: "TXT",
          name: "_hexlink.links.example.com",
          value: expect.stringMatching(/^hexlink-verify=[A-Za-z0-9_-]{22,}$/),
        },
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
    });
  });
});

describe("GET /v1/domains", () => {
  it("answers 200 with the account's domains, oldest first", async () => {
    const first = await api.post<DomainBody>("/v1/domains", { hostname: "one.example.net" });
    const second = await api.post<DomainBody>("/v1/domains", { hostname: "two.example.net" });
    const response = await api.get<{ success: boolean; domains: V1Domain[] }>("/v1/domains");
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
    const hostnames = response.body.domains.map((domain) => domain.hostname);
    expect(hostnames.indexOf("one.example.net")).toBeLessThan(hostnames.indexOf("two.example.net"));
    expect(response.body.domains).toContainEqual(first.body.domain);
    expect(response.body.domains).toContainEqual(second.body.domain);
  });
});

describe("POST /v1/domains/:hostname/verify", () => {
  it("answers 400 invalid_domain until the TXT record is found, then 200 with status active", async () => {
    const { body } = await api.post<DomainBody>("/v1/domains", { hostname: "verify.example.org" });
    const record = body.domain.verification;
    expectV1Error(await api.post("/v1/domains/verify.example.org/verify"), "invalid_domain");
    expect(dns.asked).toContain("_hexlink.verify.example.org");

    dns.publish(record.name, "hexlink-verify=some-other-token");
    expectV1Error(await api.post("/v1/domains/verify.example.org/verify"), "invalid_domain");

    dns.publish(record.name, record.value);
    const verified = await api.post<DomainBody>("/v1/domains/verify.example.org/verify");
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ success: true, domain: { ...body.domain, status: "active" } });

    const again = await api.post<DomainBody>("/v1/domains/VERIFY.example.org/verify");
    expect(again.status).toBe(200);
    expect(again.body.domain.status).toBe("active");

    const link = await api.createLink({ url: "https://example.com/on-custom", domain: "verify.example.org" });
    expect(link).toMatchObject({
      domain: "verify.example.org",
      short_url: `http://verify.example.org/${link.slug}`,
      tracking_url: `${server.url}/t/${link.id}`,
    });
  });
});

describe("DELETE /v1/domains/:hostname", () => {
  it("answers 200 {success:true}; the domain is gone and its links stop redirecting", async () => {
    await api.post("/v1/domains", { hostname: "gone.example.org" });
    await server.hexlink.activateDomain.execute({ hostname: "gone.example.org" });
    const link = await api.createLink({
      url: "https://example.com/was-on-gone",
      domain: "gone.example.org",
      custom_slug: "on-gone",
    });
    const before = await httpRequest(`${server.url}/on-gone`, { headers: { host: "gone.example.org" } });
    expect(before.status).toBe(302);
    expect(before.headers.location).toBe("https://example.com/was-on-gone");

    const response = await api.delete("/v1/domains/gone.example.org");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });

    const after = await httpRequest(`${server.url}/on-gone`, { headers: { host: "gone.example.org" } });
    expect(after.status).toBe(404);
    expect(after.headers.location).toBeUndefined();
    const list = await api.get<{ domains: V1Domain[] }>("/v1/domains");
    expect(list.body.domains.map((domain) => domain.hostname)).not.toContain("gone.example.org");
    expectV1Error(
      await api.post("/v1/links", { url: "https://example.com/x", domain: "gone.example.org" }),
      "invalid_domain",
    );
    expectV1Error(await api.delete("/v1/domains/gone.example.org"), "invalid_domain");
    expect((await api.get(`/v1/links/${link.id}`)).status).toBe(200);
  });
});
