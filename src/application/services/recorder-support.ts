/** Where the recorder reports failed flushes and dropped clicks (adapt it to pino or console). */
export type RecorderLogger = (
  level: "warn" | "error",
  message: string,
  fields: Readonly<Record<string, string | number>>,
) => void;

/** The logger, or nothing, made unable to throw: a failing logger must not fail a flush. */
export function safeLogger(logger: RecorderLogger | undefined): RecorderLogger {
  return (level, message, fields) => {
    try {
      logger?.(level, message, fields);
    } catch {
      // Nowhere left to report it.
    }
  };
}

/** Exponential backoff: `base` after the first failure, doubled each time, never above `max`. */
export function backoffDelay(failures: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.max(0, failures - 1), max);
}

/** Batch ids `<prefix>.<n>`, n counting up from 1 in base 36: unique while no two sources share a prefix. */
export function sequentialBatchIds(prefix: string): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `${prefix}.${count.toString(36)}`;
  };
}

/** A prefix for when no id source is given: the start time and a `Math.random` part. */
export function fallbackBatchPrefix(startedAt: Date): string {
  return `${startedAt.getTime().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The promise's outcome, or a rejection once `ms` pass without it settling; the timer never keeps the process
 * alive. The promise itself goes on (a late rejection is handled, by the race).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    unrefTimer(timer);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets the process exit while a timer is pending (Node); elsewhere timers have no such handle. */
export function unrefTimer(timer: unknown): void {
  if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function") {
    timer.unref();
  }
}
