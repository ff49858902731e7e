/** How a dead worker is replaced: the first restart soon, each quick death after it twice as late, up to a cap. */
export const RESTART_BACKOFF = {
  /** The delay before the first restart of a streak. */
  firstMs: 250,
  /** The longest delay: a worker that keeps dying is still retried this often. */
  maxMs: 30_000,
  /** A worker that lived this long ends the streak: its death counts as the first again. */
  steadyMs: 30_000,
} as const;

/** The delay before a dead worker's replacement starts, and the streak of quick deaths it continues. */
export interface RestartPlan {
  readonly delayMs: number;
  readonly streak: number;
}

/**
 * Plans the restart of a worker that died after `livedMs`, `streak` quick deaths having come before it: a
 * crash loop (a bad deploy, a store refusing connections) backs off exponentially instead of forking flat out.
 */
export function planRestart(streak: number, livedMs: number): RestartPlan {
  const next = livedMs >= RESTART_BACKOFF.steadyMs ? 1 : streak + 1;
  const delayMs = Math.min(RESTART_BACKOFF.maxMs, RESTART_BACKOFF.firstMs * 2 ** Math.min(next - 1, 30));
  return { delayMs, streak: next };
}
