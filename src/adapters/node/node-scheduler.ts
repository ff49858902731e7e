import type { Cancel, Scheduler } from "../../application/ports/scheduler.js";

/** Node's timers, unreferenced so that a pending task never keeps the process alive. */
export class NodeScheduler implements Scheduler {
  every(ms: number, task: () => void): Cancel {
    const timer = setInterval(task, ms).unref();
    return () => clearInterval(timer);
  }

  after(ms: number, task: () => void): Cancel {
    const timer = setTimeout(task, ms).unref();
    return () => clearTimeout(timer);
  }
}
