import { describe, expect, it } from "vitest";
import { ApiClient, expectV1Error, RELAXED_LIMITS } from "../support/http-client.js";
import { api, server, useV1Server } from "./v1-servers.js";

const KEY = "hxk_destination_policy_key_01";
const start = useV1Server(
  {
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: {
      rateLimits: RELAXED_LIMITS,
      blockedDomains: ["203.0.113.5"],
      domainAliases: ["www.sho.example"],
    },
  },
  KEY,
);

describe("POST /v1/links: the destination policy of spec §11", () => {
  it.each([
    "https://user:secret@example.com/",
    "https://example.com@evil.example/",
    "http://localhost:8080/admin",
    "http://127.0.0.1/",
    "http://0x7f.1/",
    "http://[::1]/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://10.0.0.8/",
    "http://192.168.1.1/router",
    "http://[fe80::1]/",
    "https://www.sho.example/loop",
  ])("refuses %s with invalid_destination", async (url) => {
    expectV1Error(await api.post("/v1/links", { url }), "invalid_destination");
  });

  it("refuses a loop through the server's own listening address", async () => {
    expectV1Error(await api.post("/v1/links", { url: `${server.url}/x` }), "invalid_destination");
  });

  it("blocks an IPv4 entry in its IPv6 spellings", async () => {
    for (const url of ["http://203.0.113.5/", "http://[::ffff:203.0.113.5]/", "http://[::ffff:cb00:7105]/"]) {
      expectV1Error(await api.post("/v1/links", { url }), "destination_blocked");
    }
  });

  it("accepts private destinations where the operator allows them, still refusing credentials", async () => {
    const open = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS, allowPrivateDestinations: true },
    });
    const client = new ApiClient(open.url, KEY);
    const link = await client.createLink({ url: "http://10.0.0.8/intranet" });
    expect(link.long_url).toBe("http://10.0.0.8/intranet");
    expectV1Error(await client.post("/v1/links", { url: "http://u:p@10.0.0.8/" }), "invalid_destination");
    expectV1Error(await client.post("/v1/links", { url: `${open.url}/loop` }), "invalid_destination");
  });
});
