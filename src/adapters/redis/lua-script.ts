import { createHash } from "node:crypto";
import type { ChainableCommander } from "ioredis";
import type { RedisClient } from "./redis-connection.js";

/** A Lua script run by its SHA1, loaded on a node's first NOSCRIPT. Its keys must share one hash tag. */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(
    client: RedisClient,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }

  /** Queues an EVALSHA on a pipeline; a NOSCRIPT reply there means it did not run, and {@link run} loads it. */
  queue(pipeline: ChainableCommander, keys: readonly string[], args: readonly (string | number)[]): void {
    pipeline.evalsha(this.sha, keys.length, ...keys, ...args);
  }
}

/** True for the error of an EVALSHA whose script the node does not have (the script did not run). */
export function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOSCRIPT");
}
