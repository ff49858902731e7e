import { describe, expect, it } from "vitest";
import { memorySharedState, memoryStores } from "../../../src/adapters/memory/memory-stores.js";
import { NanoidIdGenerator } from "../../../src/adapters/node/nanoid-id-generator.js";
import { Sha256KeyHasher } from "../../../src/adapters/node/sha256-key-hasher.js";
import type { Hexlink } from "../../../src/application/hexlink.js";
import { makeSettings } from "../../../src/application/settings.js";
import { buildContainer, type HexlinkPorts } from "../../../src/bootstrap/container.js";
import { createHexlink } from "../../../src/bootstrap/create-hexlink.js";
import { TOKENS } from "../../../src/bootstrap/tokens.js";
import { FakeDomainVerifier, RecordingClickSink, ScriptedCodeGenerator } from "../../support/core.js";
import { FixedClock } from "../../support/fixed-clock.js";
import { testClassification } from "../../support/test-classification.js";

function memoryPorts(): HexlinkPorts {
  const clock = new FixedClock();
  return {
    stores: memoryStores(),
    shared: memorySharedState(clock),
    clickSink: new RecordingClickSink(),
    visits: testClassification(),
    codes: new ScriptedCodeGenerator(),
    ids: new NanoidIdGenerator(),
    passwords: { hash: async (p) => `plain:${p}`, verify: async (p, h) => h === `plain:${p}` },
    keyHasher: new Sha256KeyHasher(),
    clock,
    domainVerifier: new FakeDomainVerifier(),
  };
}

async function using<T>(hexlink: Hexlink, run: (hexlink: Hexlink) => Promise<T>): Promise<T> {
  try {
    return await run(hexlink);
  } finally {
    await hexlink.close();
  }
}

const visit = (host: string, slug: string) => ({
  host,
  slug,
  query: "",
  ip: "::1",
  userAgent: "",
  referrer: "",
  headers: {},
});

describe("buildContainer", () => {
  it("resolves every token over memory ports", () => {
    const container = buildContainer(makeSettings("https://sho.rt"), memoryPorts());
    for (const [name, token] of Object.entries(TOKENS)) {
      expect(() => container.resolve(token), name).not.toThrow();
      expect(container.resolve(token), name).toBeDefined();
    }
  });

  it("registers the ports given as they are, and each use case once per container", () => {
    const ports = memoryPorts();
    const container = buildContainer(makeSettings("https://sho.rt"), ports);
    expect(container.resolve(TOKENS.links)).toBe(ports.stores.links);
    expect(container.resolve(TOKENS.cache)).toBe(ports.shared.cache);
    expect(container.resolve(TOKENS.clock)).toBe(ports.clock);
    expect(container.resolve(TOKENS.createLink)).toBe(container.resolve(TOKENS.createLink));
    const other = buildContainer(makeSettings("https://sho.rt"), memoryPorts());
    expect(other.resolve(TOKENS.createLink)).not.toBe(container.resolve(TOKENS.createLink));
  });
});

describe("createHexlink", () => {
  it("with no options runs in memory: it creates a link and redirects to it", async () => {
    await using(await createHexlink(), async (hexlink) => {
      expect(hexlink.stores.kind).toBe("memory");
      const link = await hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/" });
      expect(link.domain).toBe("localhost:3000");
      expect(link.slug).toMatch(/^[A-Za-z0-9]{7}$/);
      expect(await hexlink.resolveRedirect.execute(visit("localhost:3000", link.slug))).toMatchObject({
        kind: "redirect",
        location: "https://example.com/",
      });
      expect(await hexlink.ready()).toMatchObject({ ready: true });
    });
  });

  it("uses the caller's clock, code generator, stores and click sink", async () => {
    const clock = new FixedClock("2030-01-02T03:04:05.000Z");
    const codes = new ScriptedCodeGenerator().queue("fromCaller");
    const stores = memoryStores();
    const clickSink = new RecordingClickSink();
    const hexlink = await createHexlink({
      baseUrl: "https://sho.rt",
      ports: { clock, codes },
      stores,
      clickSink,
    });
    await using(hexlink, async () => {
      const link = await hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/" });
      expect(link).toMatchObject({ slug: "fromCaller", domain: "sho.rt", createdAt: clock.now() });
      expect(await stores.links.findById(link.id)).toMatchObject({
        id: link.id,
        slug: link.slug,
        destination: link.destination,
        accountId: "acme",
      });
      await hexlink.resolveRedirect.execute(visit("sho.rt", "fromCaller"));
      expect(clickSink.hits.map((hit) => hit.linkId)).toEqual([link.id]);
    });
  });

  it("seeds the API keys it is given", async () => {
    const hexlink = await createHexlink({
      apiKeys: [{ accountId: "acme", key: "acme-key-0123456789abcdef" }],
    });
    await using(hexlink, async () => {
      expect((await hexlink.authenticateApiKey.execute({ key: "acme-key-0123456789abcdef" })).accountId).toBe(
        "acme",
      );
    });
  });
});
