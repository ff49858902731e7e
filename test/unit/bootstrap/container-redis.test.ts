import { expect, it } from "vitest";
import { NanoidIdGenerator } from "../../../src/adapters/node/nanoid-id-generator.js";
import { Sha256KeyHasher } from "../../../src/adapters/node/sha256-key-hasher.js";
import { redisSharedState, redisStores } from "../../../src/adapters/redis/redis-stores.js";
import { makeSettings } from "../../../src/application/settings.js";
import { buildContainer } from "../../../src/bootstrap/container.js";
import { resolve } from "../../../src/bootstrap/token.js";
import { TOKENS } from "../../../src/bootstrap/tokens.js";
import { FakeDomainVerifier, RecordingClickSink, ScriptedCodeGenerator } from "../../support/core.js";
import { FixedClock } from "../../support/fixed-clock.js";
import { describeWithRedis, standaloneBackend } from "../../support/redis-backend.js";
import { testClassification } from "../../support/test-classification.js";

describeWithRedis("buildContainer over the Redis bundle", standaloneBackend, (backend) => {
  it("resolves every token", async () => {
    const { client } = backend();
    const stores = redisStores({ client, prefix: "container-test:" });
    const shared = redisSharedState({ client, prefix: "container-test:" });
    const container = buildContainer(makeSettings("https://sho.rt"), {
      stores,
      shared,
      clickSink: new RecordingClickSink(),
      visits: testClassification(),
      codes: new ScriptedCodeGenerator(),
      ids: new NanoidIdGenerator(),
      passwords: { hash: async (p) => `plain:${p}`, verify: async (p, h) => h === `plain:${p}` },
      keyHasher: new Sha256KeyHasher(),
      clock: new FixedClock(),
      domainVerifier: new FakeDomainVerifier(),
    });
    try {
      for (const [name, token] of Object.entries(TOKENS)) {
        expect(container.resolve(token), name).toBeDefined();
      }
      expect(resolve(container, TOKENS.stores).kind).toBe("redis");
      expect(container.resolve(TOKENS.links)).toBe(stores.links);
      expect(container.resolve(TOKENS.cache)).toBe(shared.cache);
    } finally {
      await shared.close();
      await stores.close();
    }
  });
});
