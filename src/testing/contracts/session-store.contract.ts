import { describe, expect, it } from "vitest";
import type { SessionStore } from "../../application/ports/session-store.js";
import type { DashboardSession } from "../../domain/session/dashboard-session.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";

/** How a SessionStore adapter takes part in the contract: `make` gives an empty one each time. */
export type SessionStoreHarness = PortHarness<SessionStore>;

function aSession(overrides: Partial<DashboardSession> = {}): DashboardSession {
  const now = Date.now();
  return {
    id: "a".repeat(64),
    accountId: "acme",
    keyId: "key_AAAAAAAAAAAAAAAAAAAAA",
    csrfToken: "csrf-token-of-the-session",
    // Whole milliseconds, as every store keeps them.
    createdAt: new Date(now),
    expiresAt: new Date(now + 60 * 60 * 1000),
    ...overrides,
  };
}

/** The shared SessionStore suite: sessions by id, forgotten when deleted or past their end. */
export function sessionStoreContract(name: string, harness: SessionStoreHarness): void {
  describe(`SessionStore contract: ${name}`, () => {
    closeAfterAll(harness);

    it("finds a created session by id, every field as stored", async () => {
      const store = await harness.make();
      const session = aSession();
      await store.create(session);
      expect(await store.find(session.id)).toEqual(session);
      expect(await store.find("b".repeat(64))).toBeNull();
    });

    it("keeps sessions apart and deletes one without touching the other", async () => {
      const store = await harness.make();
      const first = aSession();
      const second = aSession({ id: "c".repeat(64), accountId: "rival", csrfToken: "other" });
      await store.create(first);
      await store.create(second);
      expect(await store.delete(first.id)).toBe(true);
      expect(await store.delete(first.id)).toBe(false);
      expect(await store.find(first.id)).toBeNull();
      expect(await store.find(second.id)).toEqual(second);
    });

    it("does not answer a session once its lifetime has passed on the store's clock", async () => {
      const store = await harness.make();
      const session = aSession({ expiresAt: new Date(Date.now() + 150) });
      await store.create(session);
      expect(await store.find(session.id)).toEqual(session);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await store.find(session.id)).toBeNull();
    });

    it("keeps a session for its lifetime even when its dates lie in the store's past (a test's clock)", async () => {
      const store = await harness.make();
      const session = aSession({
        createdAt: new Date("2020-01-01T00:00:00Z"),
        expiresAt: new Date("2020-01-01T12:00:00Z"),
      });
      await store.create(session);
      expect(await store.find(session.id)).toEqual(session);
    });
  });
}
