import { afterAll } from "vitest";

/** How an adapter takes part in a port's contract suite. */
export interface PortHarness<Port> {
  /** An empty adapter, new for every call. */
  make(): Promise<Port>;
  /** Releases what the harness holds, after the suite. */
  close?(): Promise<void>;
  /** Runs per property; 40 unless told. */
  numRuns?: number;
}

/** Closes the harness once its suite is done. */
export function closeAfterAll(harness: PortHarness<unknown>): void {
  afterAll(async () => {
    await harness.close?.();
  });
}
