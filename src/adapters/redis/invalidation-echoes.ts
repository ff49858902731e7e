/** A wait for one published invalidation to come back, and the way to stop waiting. */
export interface EchoWait {
  readonly promise: Promise<void>;
  cancel(): void;
}

/**
 * Writes waiting for their invalidation to come back through this instance's own subscriber. Redis delivers
 * a message to every subscriber in one go, so once it is back the other instances have it too.
 */
export class InvalidationEchoes {
  private readonly waiting = new Map<string, (() => void)[]>();

  /** @param waitMs longest a wait lasts when the echo never comes */
  constructor(private readonly waitMs: number) {}

  /** Starts waiting for `key` to come back; the promise resolves on its echo or after `waitMs`. */
  wait(key: string): EchoWait {
    let done: () => void = () => {};
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.waitMs);
      timer.unref?.();
      done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const waiting = this.waiting.get(key) ?? [];
    waiting.push(done);
    this.waiting.set(key, waiting);
    const cancel = () => {
      const left = (this.waiting.get(key) ?? []).filter((waiter) => waiter !== done);
      if (left.length === 0) this.waiting.delete(key);
      else this.waiting.set(key, left);
      done();
    };
    return { promise, cancel };
  }

  /** Ends every wait for `key`: its invalidation came back. */
  arrived(key: string): void {
    const waiting = this.waiting.get(key);
    if (waiting === undefined) return;
    this.waiting.delete(key);
    for (const resolve of waiting) resolve();
  }
}
