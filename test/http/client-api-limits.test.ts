import { describe, expect, it } from "vitest";
import { InMemoryLinkRepository } from "../../src/adapters/memory/in-memory-link-repository.js";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { clientPost, expectFailure, KEY, startClientServer } from "./client-api-requests.js";

const DESTINATION = "https://example.com/landing";

describe("client API failures that need a special server", () => {
  it("LI01 over the per-second limit, with Retry-After", async () => {
    const server = await startClientServer({
      settings: { rateLimits: { perSecond: 1, perHour: 100, perMonth: 100 } },
    });
    try {
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => clientPost(server, "/url/get", { short_url: "http://x.test/abc" })),
      );
      const limited = answers.filter((answer) => answer.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      for (const answer of limited) {
        expectFailure(answer, "LI01");
        expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    } finally {
      await server.close();
    }
  });

  it("LI02 once the monthly quota is used up, a budget shared with the v1 API", async () => {
    const server = await startClientServer({
      settings: { rateLimits: { perSecond: 100, perHour: 100, perMonth: 3 } },
    });
    try {
      const v1 = await fetch(`${server.url}/v1/links`, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(v1.status).toBe(200);
      const get = { short_url: `${server.url}/nothing-here` };
      expectFailure(await clientPost(server, "/url/get", get), "LI16");
      const last = await clientPost(server, "/url/get", get, { authorization: `Bearer ${KEY}` });
      expectFailure(last, "LI16");
      expect(last.headers.get("x-ratelimit-remaining")).toBe("0");
      expectFailure(await clientPost(server, "/url/get", get), "LI02");
      const v1After = await fetch(`${server.url}/v1/links`, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(v1After.status).toBe(429);
    } finally {
      await server.close();
    }
  });

  it("LI08 when no free random code is found", async () => {
    const server = await startClientServer({ ports: { codes: { generate: () => "!!" } } });
    try {
      expectFailure(await clientPost(server, "/url/shorten", { long_url: DESTINATION }), "LI08");
    } finally {
      await server.close();
    }
  });

  it("LI08 and LI09 when the link store fails on create; LI00 when it fails elsewhere", async () => {
    class FailingLinks extends InMemoryLinkRepository {
      override async create(): Promise<void> {
        throw new Error("store did not answer");
      }
      override async findById(): Promise<never> {
        throw new Error("store did not answer");
      }
    }
    const server = await startClientServer({ stores: { ...memoryStores(), links: new FailingLinks() } });
    try {
      expectFailure(await clientPost(server, "/url/shorten", { long_url: DESTINATION }), "LI08");
      const custom = { long_url: DESTINATION, custom_name: "custom" };
      expectFailure(await clientPost(server, "/url/shorten", custom), "LI09");
      expectFailure(await clientPost(server, "/url/disable", { tracking_id: "lnk_x" }), "LI00");
    } finally {
      await server.close();
    }
  });
});
