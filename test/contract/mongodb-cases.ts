import { expect, it } from "vitest";
import { COLLECTIONS } from "../../src/adapters/mongodb/index-specs.js";
import type { ApiKeyDocument } from "../../src/adapters/mongodb/mongo-api-key-repository.js";
import { mongoStores } from "../../src/adapters/mongodb/mongo-stores.js";
import { API_KEY_SCOPES } from "../../src/domain/api-key/key-access.js";
import { aDomainError, aLink, anApiKey } from "../support/builders.js";
import type { MongoBackend } from "../support/mongo-backend.js";

/** MongoDB's own cases, beyond the port contracts: what only its indexes and errors decide. */
export function mongoCases(backend: () => MongoBackend): void {
  it("reads only a duplicate on domain + slug as slug_taken: a duplicate link id is a plain failure", async () => {
    const { links } = await backend().freshStores();
    const link = aLink().build();
    await links.create(link);
    const sameId = links.create({ ...link, slug: "elsewhere" });
    await expect(sameId).rejects.toThrow(/E11000/);
    await expect(sameId).rejects.not.toEqual(aDomainError("slug_taken"));
    await expect(links.create({ ...aLink().withId("lnk_BBBBBBBBBBBBBBBBBBBBB").build() })).rejects.toEqual(
      aDomainError("slug_taken"),
    );
    expect(await links.findBySlug(link.domain, "elsewhere")).toBeNull();
  });

  it("mongoStores(): clicks flushed after their link was deleted store nothing", async () => {
    const stores = await backend().freshStores();
    const link = aLink().build();
    await stores.links.create(link);
    expect(await stores.links.delete(link.id)).toBe(true);
    await stores.clicks.deleteLink(link.id);
    // What a recorder still held for the link when it was deleted.
    const day = "2026-03-15";
    const increment = {
      linkId: link.id,
      day,
      clicks: 3,
      botClicks: 1,
      dimensions: new Map([["device", new Map([["Mobile", 3]])]] as const),
      visitors: new Set(["v1", "v2"]),
    };
    await stores.clicks.add([increment], "recorder.1");
    const counts = await stores.clicks.query(link.id, { start: day, end: day });
    expect(counts.days.size).toBe(0);
    expect(counts.uniqueClicks).toBe(0);
  });

  it("refuses a second key with the same hash (false), but fails on a duplicate key id", async () => {
    const { apiKeys } = await backend().freshStores();
    const key = anApiKey().build();
    expect(await apiKeys.create(key)).toBe(true);
    expect(await apiKeys.create({ ...key, id: "key_BBBBBBBBBBBBBBBBBBBBB" })).toBe(false);
    await expect(apiKeys.create({ ...key, hash: "b".repeat(64) })).rejects.toThrow(/E11000/);
    expect(await apiKeys.findByHash("b".repeat(64))).toBeNull();
  });

  it("reads a key stored before scopes existed as every scope, no domain limit, no expiry, never used", async () => {
    const dbName = backend().freshDbName();
    const { apiKeys } = await mongoStores({ client: backend().client, dbName });
    const legacy = anApiKey().withLimits({ perHour: 50 }).build();
    // The document as the adapter wrote it before: no scopes, domains, expiresAt or lastUsedAt.
    await backend()
      .client.db(dbName)
      .collection<ApiKeyDocument>(COLLECTIONS.apiKeys)
      .insertOne({
        _id: legacy.id,
        accountId: legacy.accountId,
        hash: legacy.hash,
        createdAt: legacy.createdAt,
        revokedAt: null,
        apiAccess: true,
        limits: { perHour: 50 },
      });
    const expected = {
      ...legacy,
      scopes: [...API_KEY_SCOPES],
      domains: null,
      expiresAt: null,
      lastUsedAt: null,
    };
    expect(await apiKeys.findByHash(legacy.hash)).toEqual(expected);
    expect(await apiKeys.listByAccount(legacy.accountId)).toEqual([expected]);
    const at = new Date("2026-03-15T12:00:00Z");
    expect(await apiKeys.recordUse(legacy.id, at, new Date("2026-03-15T11:59:00Z"))).toBe(true);
    expect((await apiKeys.findById(legacy.id))?.lastUsedAt).toEqual(at);
  });
}
