import type { Clock } from "../../src/application/ports/technical.js";

export const DEFAULT_NOW = "2026-03-15T12:00:00.000Z";

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date | string = DEFAULT_NOW) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
