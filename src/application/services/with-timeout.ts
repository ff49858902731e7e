import type { Cancel, Scheduler } from "../ports/scheduler.js";

/**
 * The promise's outcome, or a rejection with `message` once `ms` pass without it settling. The promise itself
 * goes on (a late rejection is handled, by the race).
 */
export async function withTimeout<T>(
  scheduler: Scheduler,
  promise: Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  let cancel: Cancel = () => {};
  const timeout = new Promise<never>((_, reject) => {
    cancel = scheduler.after(ms, () => reject(new Error(message)));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    cancel();
  }
}

/** Whether the promise settles, fulfilled or rejected, within `ms`; never rejects. */
export function settlesWithin(scheduler: Scheduler, promise: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = promise.then(
    () => true,
    () => true,
  );
  return withTimeout(scheduler, settled, ms, "").catch(() => false);
}

/** Resolves once `ms` have passed. */
export function sleep(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => {
    scheduler.after(ms, resolve);
  });
}
