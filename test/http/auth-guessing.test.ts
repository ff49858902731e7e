import { afterEach, describe, expect, it } from "vitest";
import { FixedClock } from "../support/fixed-clock.js";
import { ApiClient, expectV1Error, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { memoryAndRedisStores } from "../support/store-variants.js";

const KEY = "hxk_auth_guessing_key_00001";
const FAILURES_PER_MINUTE = 5;

const STORES = memoryAndRedisStores("auth");

/** A POST to the client API with `Authorization: <key>`, as its seed document sends it. */
async function clientApi(server: RunningServer, key: string) {
  const response = await fetch(`${server.url}/client/api/url/get`, {
    method: "POST",
    headers: { authorization: key, "content-type": "application/json" },
    body: JSON.stringify({ short_url: `${server.url}/nothing` }),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe.each(STORES)("credential guessing ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let revokedKey: string;

  async function start(): Promise<void> {
    // A clock that stands still: every attempt falls in one minute window.
    server = await startServer({
      stores: await stores(),
      apiKeys: [{ accountId: "acme", key: KEY }],
      ports: { clock: new FixedClock("2026-03-15T12:00:20.000Z") },
      settings: { rateLimits: RELAXED_LIMITS, authFailuresPerMinute: FAILURES_PER_MINUTE },
    });
    const revoked = await server.hexlink.createApiKey.execute({ accountId: "acme" });
    await server.hexlink.revokeApiKey.execute({ id: revoked.apiKey.id });
    revokedKey = revoked.key;
  }

  afterEach(async () => {
    await server?.close();
  });

  it.skipIf(skip)("answers an unknown and a revoked key byte for byte alike, on both APIs", async () => {
    await start();
    const unknown = await new ApiClient(server.url, "hxk_no_such_key_000000001").get("/v1/links");
    const revoked = await new ApiClient(server.url, revokedKey).get("/v1/links");
    expectV1Error(unknown, "unauthorized");
    expect(revoked.status).toBe(unknown.status);
    expect(revoked.body).toEqual(unknown.body);
    const clientUnknown = await clientApi(server, "hxk_no_such_key_000000001");
    const clientRevoked = await clientApi(server, revokedKey);
    expect(clientUnknown.status).toBe(401);
    expect(clientRevoked).toMatchObject({ status: clientUnknown.status, body: clientUnknown.body });
  });

  it.skipIf(skip)(
    "refuses every attempt from an address once its failures are over the limit, with Retry-After",
    async () => {
      await start();
      const right = new ApiClient(server.url, KEY);
      expect((await right.get("/v1/links")).status).toBe(200);
      for (let attempt = 0; attempt < FAILURES_PER_MINUTE; attempt += 1) {
        expectV1Error(
          await new ApiClient(server.url, `hxk_guess_${attempt}_0000000000`).get("/v1/links"),
          "unauthorized",
        );
      }
      const guess = await new ApiClient(server.url, "hxk_guess_after_000000000").get("/v1/links");
      expectV1Error(guess, "rate_limited");
      expect(guess.headers.get("retry-after")).toBe("40");
      // The right key is refused too: past the limit, guessing learns nothing.
      const refused = await right.get("/v1/links");
      expectV1Error(refused, "rate_limited");
      expect(refused.headers.get("retry-after")).toBe("40");
      const client = await clientApi(server, KEY);
      expect(client.status).toBe(429);
      expect(client.headers.get("retry-after")).toBe("40");
    },
  );
});
