import { afterEach, describe, expect, it } from "vitest";
import { createTestHexlink, type TestHexlink } from "../../../../src/testing/create-test-hexlink.js";

let hexlink: TestHexlink;
afterEach(() => hexlink.close());

async function withKey(accountId = "acme"): Promise<{ key: string; keyId: string }> {
  hexlink = await createTestHexlink();
  const created = await hexlink.createApiKey.execute({ accountId });
  return { key: created.key, keyId: created.apiKey.id };
}

describe("dashboard sessions", () => {
  it("signs in with a key and resolves the session its token names", async () => {
    const { key, keyId } = await withKey();
    const started = await hexlink.startDashboardSession.execute({ key, client: "203.0.113.5" });
    expect(started.token).not.toBe(key);
    expect(started.token.length).toBeGreaterThanOrEqual(21);
    const principal = await hexlink.resolveDashboardSession.execute({ token: started.token });
    expect(principal).toMatchObject({ accountId: "acme", csrfToken: started.csrfToken });
    expect(principal.apiKey.id).toBe(keyId);
    // The store holds the token's hash, never the token.
    expect(await hexlink.stores.sessions.find(started.token)).toBeNull();
  });

  it("refuses a wrong key as unauthorized and makes no session", async () => {
    await withKey();
    await expect(
      hexlink.startDashboardSession.execute({ key: "hxk_wrong", client: "203.0.113.5" }),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("ends the session 12 hours after sign-in", async () => {
    const { key } = await withKey();
    const { token } = await hexlink.startDashboardSession.execute({ key, client: "203.0.113.5" });
    hexlink.clock.advance(12 * 60 * 60 * 1000 - 1000);
    await expect(hexlink.resolveDashboardSession.execute({ token })).resolves.toBeDefined();
    hexlink.clock.advance(1000);
    await expect(hexlink.resolveDashboardSession.execute({ token })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("ends every session of a key when the key is revoked", async () => {
    const { key, keyId } = await withKey();
    const { token } = await hexlink.startDashboardSession.execute({ key, client: "203.0.113.5" });
    await hexlink.revokeApiKey.execute({ id: keyId });
    await expect(hexlink.resolveDashboardSession.execute({ token })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("rotates on sign-in: the token the browser held stops working", async () => {
    const { key } = await withKey();
    const first = await hexlink.startDashboardSession.execute({ key, client: "203.0.113.5" });
    const second = await hexlink.startDashboardSession.execute({
      key,
      client: "203.0.113.5",
      previousToken: first.token,
    });
    expect(second.token).not.toBe(first.token);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    await expect(hexlink.resolveDashboardSession.execute({ token: first.token })).rejects.toMatchObject({
      code: "unauthorized",
    });
    await expect(hexlink.resolveDashboardSession.execute({ token: second.token })).resolves.toBeDefined();
  });

  it("signs out: the token stops working", async () => {
    const { key } = await withKey();
    const { token } = await hexlink.startDashboardSession.execute({ key, client: "203.0.113.5" });
    await hexlink.endDashboardSession.execute({ token });
    await expect(hexlink.resolveDashboardSession.execute({ token })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("limits sign-in attempts per address, right keys included, until the minute ends", async () => {
    const { key } = await withKey();
    for (let i = 0; i < 10; i += 1)
      await hexlink.startDashboardSession.execute({ key, client: "198.51.100.7" });
    await expect(
      hexlink.startDashboardSession.execute({ key, client: "198.51.100.7" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    // Another address is not held back.
    await expect(
      hexlink.startDashboardSession.execute({ key, client: "198.51.100.8" }),
    ).resolves.toBeDefined();
    hexlink.clock.advance(60_000);
    await expect(
      hexlink.startDashboardSession.execute({ key, client: "198.51.100.7" }),
    ).resolves.toBeDefined();
  });

  it("refuses a missing, empty or oversized token without a store lookup error", async () => {
    await withKey();
    for (const token of [undefined, "", "x".repeat(300), "unknown-token"]) {
      await expect(hexlink.resolveDashboardSession.execute({ token })).rejects.toMatchObject({
        code: "unauthorized",
      });
    }
  });
});
