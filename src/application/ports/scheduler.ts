/** Cancels what a {@link Scheduler} arranged; calling it again, or after the task ran, does nothing. */
export type Cancel = () => void;

/**
 * Runs work later: the application's only timers, so that tests can drive time. A pending task never keeps
 * the process alive.
 */
export interface Scheduler {
  /** Runs `task` every `ms` milliseconds until cancelled. */
  every(ms: number, task: () => void): Cancel;
  /** Runs `task` once, `ms` milliseconds from now, unless cancelled first. */
  after(ms: number, task: () => void): Cancel;
}
