import { once } from "node:events";

/** Where a command writes: a Node stream (its `write` answers false when full) or any `write`. */
export interface ChunkTarget {
  write(text: string): unknown;
}

/**
 * Writes chunks as they are pulled, waiting for `drain` whenever the target says it is full, so a slow
 * disk or pipe slows the reading instead of filling memory.
 */
export async function writeChunks(target: ChunkTarget, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (target.write(chunk) === false && isEmitter(target)) await once(target, "drain");
  }
}

function isEmitter(target: ChunkTarget): target is ChunkTarget & NodeJS.EventEmitter {
  return typeof (target as Partial<NodeJS.EventEmitter>).once === "function";
}
