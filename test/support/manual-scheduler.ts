import type { Cancel, Scheduler } from "../../src/application/ports/scheduler.js";
import type { Clock } from "../../src/application/ports/technical.js";
import { DEFAULT_NOW } from "./fixed-clock.js";

interface Task {
  readonly order: number;
  at: number;
  readonly every: number | null;
  readonly run: () => void;
}

/** Lets every promise that can settle without a timer or I/O settle. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A scheduler and a clock whose time moves only when a test advances it: due tasks then run in time order,
 * with promises settling after each, so a test drives retries, timeouts and deadlines without waiting.
 */
export class ManualScheduler implements Scheduler, Clock {
  private current: number;
  private tasks: Task[] = [];
  private added = 0;

  constructor(start: Date | string = DEFAULT_NOW) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  every(ms: number, task: () => void): Cancel {
    return this.add(ms, Math.max(1, ms), task);
  }

  after(ms: number, task: () => void): Cancel {
    return this.add(ms, null, task);
  }

  /** Tasks waiting to run. */
  get waiting(): number {
    return this.tasks.length;
  }

  /** Moves time forward by `ms`, running each task that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    await settle();
    for (let task = this.next(until); task !== undefined; task = this.next(until)) {
      this.current = task.at;
      this.runTask(task);
      await settle();
    }
    this.current = until;
    await settle();
  }

  /** Runs due tasks, moving time from one to the next, until `promise` settles; at most `maxMs` ahead. */
  async runUntil<T>(promise: Promise<T>, maxMs = 3_600_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => {
      settled = true;
    });
    const limit = this.current + maxMs;
    await settle();
    while (!settled) {
      const task = this.next(limit);
      if (task === undefined) throw new Error(`Nothing left to run within ${maxMs} ms, and still waiting.`);
      this.current = task.at;
      this.runTask(task);
      await settle();
    }
    return watched;
  }

  private add(ms: number, every: number | null, run: () => void): Cancel {
    const task: Task = { order: this.added++, at: this.current + Math.max(0, ms), every, run };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((other) => other !== task);
    };
  }

  /** The earliest task due by `until` (the first added, on a tie). */
  private next(until: number): Task | undefined {
    let first: Task | undefined;
    for (const task of this.tasks) {
      if (task.at > until) continue;
      if (first === undefined || task.at < first.at || (task.at === first.at && task.order < first.order)) {
        first = task;
      }
    }
    return first;
  }

  private runTask(task: Task): void {
    if (task.every === null) this.tasks = this.tasks.filter((other) => other !== task);
    else task.at += task.every;
    task.run();
  }
}
