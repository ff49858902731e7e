import type { Clock } from "../application/ports/technical.js";

/** The instant a {@link ManualClock} starts at unless told: a fixed date keeps tests repeatable. */
export const DEFAULT_NOW = "2026-03-15T12:00:00.000Z";

/** A clock that stands still until a test moves it (`set`, `advance`). */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = DEFAULT_NOW) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock to `at`, forwards or back. */
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  /** Moves the clock `ms` milliseconds forwards (backwards when negative). */
  advance(ms: number): void {
    this.current += ms;
  }
}
