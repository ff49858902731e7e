import type { LuaScript } from "./lua-script.js";
import { isNoScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";

/** One run of a script: its keys (one hash tag) and arguments. */
export interface ScriptRun {
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
}

/**
 * Runs a script once per entry in one pipeline (one round trip), answering the replies in order. A NOSCRIPT
 * reply means that run did not happen: it runs again on its own, loading the script. On a cluster, whose
 * pipeline must stay on one node, each run goes on its own (ioredis still sends them together per node).
 * @throws the first other error
 */
export async function runPipelined(
  client: RedisClient,
  script: LuaScript,
  runs: readonly ScriptRun[],
): Promise<unknown[]> {
  if (runs.length === 0) return [];
  if (client.isCluster) return Promise.all(runs.map((run) => script.run(client, run.keys, run.args)));
  const pipeline = client.pipeline();
  for (const run of runs) script.queue(pipeline, run.keys, run.args);
  const results = await pipeline.exec();
  if (results === null) throw new Error("The pipeline was discarded.");
  return Promise.all(
    results.map(async ([error, reply], index) => {
      const run = runs[index];
      if (error === null) return reply;
      if (run === undefined || !isNoScript(error)) throw error;
      return script.run(client, run.keys, run.args);
    }),
  );
}
