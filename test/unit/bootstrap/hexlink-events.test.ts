import { afterEach, describe, expect, it } from "vitest";
import { memoryStores } from "../../../src/adapters/memory/memory-stores.js";
import type { Hexlink } from "../../../src/application/hexlink.js";
import type { HexlinkEvents } from "../../../src/application/hexlink-events.js";
import type { StoreBundle } from "../../../src/application/ports/store-bundle.js";
import type { StoreStatusListener } from "../../../src/application/ports/store-status.js";
import { createHexlink } from "../../../src/bootstrap/create-hexlink.js";

/** Memory stores that claim a connection, whose changes the test plays. */
function watchedStores(): { stores: StoreBundle; change: StoreStatusListener; watchers: () => number } {
  const listeners = new Set<StoreStatusListener>();
  const stores: StoreBundle = {
    ...memoryStores(),
    kind: "redis",
    watchStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    stores,
    change: (status) => {
      for (const listener of listeners) listener(status);
    },
    watchers: () => listeners.size,
  };
}

const opened: Hexlink[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((hexlink) => hexlink.close()));
});

describe("hexlink.on", () => {
  it("turns the stores' connection changes into store:down and store:up, until close", async () => {
    const { stores, change, watchers } = watchedStores();
    const hexlink = await createHexlink({ stores });
    opened.push(hexlink);
    const heard: (HexlinkEvents["store:down"] | HexlinkEvents["store:up"])[] = [];
    hexlink.on("store:down", (payload) => heard.push(payload));
    const stopUp = hexlink.on("store:up", (payload) => heard.push(payload));
    change({ up: false, reason: "connect ECONNREFUSED 127.0.0.1:6379" });
    change({ up: true });
    stopUp();
    change({ up: true });
    expect(heard).toEqual([
      { role: "stores", kind: "redis", reason: "connect ECONNREFUSED 127.0.0.1:6379" },
      { role: "stores", kind: "redis" },
    ]);
    await hexlink.close();
    expect(watchers()).toBe(0);
  });

  it("reports the default recorder's flushes, and a throwing listener as an error", async () => {
    const hexlink = await createHexlink({ baseUrl: "https://sho.rt" });
    opened.push(hexlink);
    const flushed: number[] = [];
    const errors: string[] = [];
    hexlink.on("clicks:flushed", () => {
      throw new Error("listener bug");
    });
    hexlink.on("clicks:flushed", ({ clicks }) => flushed.push(clicks));
    hexlink.on("error", ({ error, source }) => errors.push(`${source}: ${error.message}`));
    const link = await hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/a" });
    const visit = {
      host: "sho.rt",
      slug: link.slug,
      query: "",
      ip: "192.0.2.1",
      userAgent: "",
      referrer: "",
    };
    await hexlink.resolveRedirect.execute({ ...visit, headers: {} });
    await hexlink.resolveRedirect.execute({ ...visit, headers: {} });
    await hexlink.flushClicks();
    expect(flushed).toEqual([2]);
    expect(errors).toEqual(["listener: listener bug"]);
  });
});
