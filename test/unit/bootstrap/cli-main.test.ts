import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisStores } from "../../../src/adapters/redis/index.js";
import { type RedisServer, redisAvailable, startRedisServer } from "../../support/redis-server.js";
import { runCli as cli } from "../../support/run-cli.js";

describe("the CLI (cliMain)", () => {
  it("refuses to change the memory store, which lives inside the server process, and says what to do", async () => {
    for (const args of [
      ["keys", "create", "--account", "acme"],
      ["keys", "revoke", "key_x"],
      ["domains", "activate", "a.example"],
    ]) {
      const result = await cli(args, { HEXLINK_STORE: "memory" });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/HEXLINK_STORE=memory .*server process/);
      expect(result.stderr).toContain("HEXLINK_API_KEYS=account:key");
    }
  });

  it("answers bad configuration with exit 1 and one line naming the variable", async () => {
    const result = await cli(["keys", "revoke", "key_x"], { HEXLINK_STORE: "cassandra" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("HEXLINK_STORE");
  });

  it("prints its usage with exit 0 when asked for help", async () => {
    const result = await cli(["--help"], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("usage:");
    expect(result.stderr).toBe("");
  });

  describe.skipIf(!redisAvailable())("on a Redis store", () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it("keys create prints a key once that the server then accepts, and keys revoke stops it", async () => {
      const env = { HEXLINK_STORE: "redis", REDIS_URL: redis.url };
      const created = await cli(["keys", "create", "--account", "acme"], env);
      expect(created.code).toBe(0);
      const key = /^key:\s+(hxk_\S+)$/m.exec(created.stdout)?.[1];
      const id = /^key id:\s+(key_\S+)$/m.exec(created.stdout)?.[1];
      expect(key).toBeDefined();
      expect(created.stdout.split(String(key)).length - 1).toBe(1);
      expect(created.stdout).toMatch(/not shown again/);
      const stores = redisStores({ url: redis.url });
      try {
        const stored = await stores.apiKeys.findById(String(id));
        expect(stored?.accountId).toBe("acme");
        expect(stored?.hash).not.toContain(String(key));
        const revoked = await cli(["keys", "revoke", String(id)], env);
        expect(revoked.code).toBe(0);
        expect(revoked.stdout).toBe(`revoked ${id}\n`);
        expect((await stores.apiKeys.findById(String(id)))?.revokedAt).not.toBeNull();
      } finally {
        await stores.close();
      }
    });
  });

  it.each([
    [[]],
    [["keys"]],
    [["keys", "create"]],
    [["keys", "revoke"]],
    [["domains", "activate"]],
    [["frobnicate"]],
    [["keys", "create", "--acount", "acme"]],
    [["keys", "create", "--account"]],
  ])("exits 2 on bad usage: %j", async (args) => {
    const result = await cli(args, { HEXLINK_STORE: "memory" });
    expect(result.code).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toContain("usage:");
  });
});
