import { BSON, MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { clientOptions, mongoStores } from "../../../../src/adapters/mongodb/mongo-stores.js";
import type { StoreBundle } from "../../../../src/application/ports/store-bundle.js";
import { aCustomDomain, aDomainError, aLink } from "../../../support/builders.js";
import { fakeServerPerTest } from "./fake-mongo-server.js";

const LINK = aLink().build();
const INCREMENT = {
  linkId: LINK.id,
  day: "2026-03-15",
  clicks: 1,
  botClicks: 0,
  dimensions: new Map(),
  visitors: new Set(["v1"]),
};

const failed = (code: number, codeName: string) => ({ ok: 0, code, codeName, errmsg: codeName });
const writeConcernFailed = (code: number, codeName: string) => ({
  ok: 1,
  n: 1,
  writeConcernError: { code, codeName, errmsg: codeName },
});

/** A find of the link's document answered with it, so the flush goes on to write; then the add. */
let addOfStoredLink: (stores: StoreBundle) => Promise<void>;

describe("a replica set failing over, through the driver", () => {
  const { server, open } = fakeServerPerTest();
  addOfStoredLink = (stores) => {
    server.reply("find", {
      ok: 1,
      cursor: { id: BSON.Long.ZERO, ns: "hexlink.links", firstBatch: [{ _id: LINK.id }] },
    });
    return stores.clicks.add([INCREMENT], "node.1");
  };

  it.each<[string, string, object, (stores: StoreBundle) => Promise<unknown>]>([
    ["links.create", "insert", failed(10107, "NotWritablePrimary"), (s) => s.links.create(LINK)],
    ["links.create", "insert", writeConcernFailed(64, "WriteConcernFailed"), (s) => s.links.create(LINK)],
    [
      "links.update",
      "update",
      failed(11602, "InterruptedDueToReplStateChange"),
      (s) => s.links.update(LINK, LINK),
    ],
    ["links.delete", "delete", failed(91, "ShutdownInProgress"), (s) => s.links.delete(LINK.id)],
    [
      "domains.create",
      "insert",
      failed(13435, "NotPrimaryNoSecondaryOk"),
      (s) => s.domains.create(aCustomDomain().build()),
    ],
    [
      "apiKeys.revoke",
      "update",
      failed(11600, "InterruptedAtShutdown"),
      (s) => s.apiKeys.revoke("key_x", new Date()),
    ],
    ["clicks.add", "update", failed(189, "PrimarySteppedDown"), addOfStoredLink],
    ["clicks.add", "update", writeConcernFailed(91, "ShutdownInProgress"), addOfStoredLink],
    [
      "clicks.deleteLink",
      "delete",
      { ...failed(999, "Unknown"), errorLabels: ["RetryableWriteError"] },
      (s) => s.clicks.deleteLink(LINK.id),
    ],
  ])("%s answered by %s with %j fails as unavailable", async (_, command, reply, call) => {
    const bundle = await open(server.url);
    server.reply(command, reply);
    await expect(call(bundle)).rejects.toEqual(aDomainError("unavailable"));
  });

  it("deletes a link's click documents before the link, so a stepdown between leaves the link to delete again", async () => {
    const bundle = await open(server.url);
    const before = server.commands.length;
    server.reply("delete", failed(189, "PrimarySteppedDown"));
    await expect(bundle.links.delete(LINK.id)).rejects.toEqual(aDomainError("unavailable"));
    const deletes = () =>
      server.commands
        .slice(before)
        .filter((command) => "delete" in command)
        .map((command) => command.delete);
    // Only the click documents were asked for: the link is still there.
    expect(deletes()).toEqual(["click_days"]);
    server.reply("delete", { ok: 1, n: 3 }, { ok: 1, n: 1 });
    // The link read before its compare-and-delete (on its updatedAt).
    const stored = { _id: LINK.id, accountId: LINK.accountId, tags: [], updatedAt: LINK.updatedAt };
    server.reply("find", {
      ok: 1,
      cursor: { id: BSON.Long.ZERO, ns: "hexlink.links", firstBatch: [stored] },
    });
    await expect(bundle.links.delete(LINK.id)).resolves.toBe(true);
    expect(deletes()).toEqual(["click_days", "click_days", "links"]);
  });

  it("writes with w: majority unless the URL sets w", async () => {
    const writeConcernOf = async (url: string) => {
      const bundle = await mongoStores({ url });
      try {
        await bundle.links.create(LINK);
      } finally {
        await bundle.close();
      }
      return server.commands.filter((command) => "insert" in command).at(-1)?.writeConcern;
    };
    expect(await writeConcernOf(server.url)).toEqual({ w: "majority" });
    expect(await writeConcernOf(`${server.url}?w=1`)).toEqual({ w: 1 });
  });
});

describe("client options", () => {
  it("name the application hexlink unless the URL names it", () => {
    const appName = (url: string) => new MongoClient(url, clientOptions(url)).options.appName;
    expect(appName("mongodb://h/db")).toBe("hexlink");
    expect(appName("mongodb://h/db?appName=shop-links")).toBe("shop-links");
  });
});
