import { memorySharedState, memoryStores } from "../adapters/memory/memory-stores.js";
import type { Hexlink } from "../application/hexlink.js";
import { type CreateHexlinkOptions, createHexlink } from "../bootstrap/create-hexlink.js";
import { ManualClock } from "./manual-clock.js";

/** What {@link createTestHexlink} takes: createHexlink's options, but one clock for every port. */
export interface TestHexlinkOptions extends Omit<CreateHexlinkOptions, "ports"> {
  /** The clock of every port (use cases, rate limiter, click recorder); a ManualClock at DEFAULT_NOW when absent. */
  readonly clock?: ManualClock;
  /** Any technical port but the clock, replaced by the caller's own. */
  readonly ports?: Omit<NonNullable<CreateHexlinkOptions["ports"]>, "clock">;
}

/** A hexlink for tests, with the ManualClock it runs on. */
export interface TestHexlink extends Hexlink {
  readonly clock: ManualClock;
}

/**
 * An in-memory hexlink wired to one {@link ManualClock} everywhere: link expiry, rate-limit windows and their
 * sweeps, click days. Clicks reach analytics on `flushClicks()`; visitors are hashed with a fixed secret so
 * that runs repeat. Close it after the test.
 */
export async function createTestHexlink(options: TestHexlinkOptions = {}): Promise<TestHexlink> {
  const clock = options.clock ?? new ManualClock();
  const hexlink = await createHexlink({
    ...options,
    baseUrl: options.baseUrl ?? "https://sho.rt",
    stores: options.stores ?? memoryStores(),
    shared: options.shared ?? memorySharedState(clock),
    ports: { ...options.ports, clock },
    clickRecording: { visitorSecret: "hexlink-test-visitor-secret", ...options.clickRecording },
  });
  return Object.assign(hexlink, { clock });
}
