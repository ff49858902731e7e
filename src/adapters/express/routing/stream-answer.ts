import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Response } from "express";

/** An answer written as it is made, at the pace its reader takes it (an export). */
export interface StreamedAnswer {
  readonly contentType: string;
  /** Offered as the file's name (`Content-Disposition: attachment`); plain ASCII. */
  readonly filename: string;
  readonly chunks: AsyncIterable<string>;
}

/**
 * Writes a streamed answer with backpressure: the next chunk is pulled only when the socket has taken the
 * last, so a slow reader slows the export instead of filling memory. The first chunk is awaited before the
 * status is sent, so an early failure (a store down) still answers as a JSON error; a failure after that can
 * only cut the answer short, which the reader sees as a truncated body.
 */
export async function sendStreamed(
  res: Response,
  status: number,
  answer: StreamedAnswer,
  onLateError: (error: unknown) => void,
): Promise<void> {
  if (res.req.method === "HEAD") {
    // The headers alone: a HEAD must not read the whole export to send nothing of it.
    res.status(status).setHeader("Content-Type", answer.contentType);
    res.end();
    return;
  }
  const iterator = answer.chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(status);
  res.setHeader("Content-Type", answer.contentType);
  res.setHeader("Content-Disposition", `attachment; filename="${answer.filename}"`);
  res.setHeader("Cache-Control", "no-store");
  async function* rest(): AsyncGenerator<string> {
    if (first.done === true) return;
    yield first.value;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  try {
    await pipeline(Readable.from(rest(), { objectMode: false, highWaterMark: 64 * 1024 }), res);
  } catch (error) {
    // The reader left or the source failed once streaming: nothing more can be sent on this response.
    res.destroy();
    if (!res.writableFinished && !isPrematureClose(error)) onLateError(error);
  }
}

function isPrematureClose(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ERR_STREAM_PREMATURE_CLOSE";
}
