import { afterEach } from "vitest";
import { NodeScheduler } from "../../../../src/adapters/node/node-scheduler.js";
import type {
  GeoLocator,
  UserAgentParser,
  VisitorHasher,
} from "../../../../src/application/ports/click-classification.js";
import type { RedirectHit } from "../../../../src/application/ports/click-sink.js";
import type { ClickStore } from "../../../../src/application/ports/click-store.js";
import type { Scheduler } from "../../../../src/application/ports/scheduler.js";
import type { Clock, IdGenerator } from "../../../../src/application/ports/technical.js";
import {
  ClickRecorder,
  type ClickRecorderOptions,
} from "../../../../src/application/services/click-recorder.js";
import type { ClickIncrement } from "../../../../src/domain/click/click.js";
import type { DayRange } from "../../../../src/domain/time/day.js";
import { FixedClock } from "../../../support/fixed-clock.js";
import { ManualScheduler } from "../../../support/manual-scheduler.js";

export const TODAY: DayRange = { start: "2026-03-15", end: "2026-03-15" };

const userAgents: UserAgentParser = {
  parse: (ua) =>
    ua.includes("bot")
      ? { device: "Other", os: "Unknown", browser: "Unknown", bot: true }
      : { device: ua.includes("iPhone") ? "Mobile" : "Desktop", os: "iOS", browser: "Safari", bot: false },
};
const geo: GeoLocator = { locate: (ip) => ({ code: ip.startsWith("81.") ? "GB" : "US" }) };
const visitors: VisitorHasher = { hash: (day, ip, ua) => `${day}/${ip}/${ua.length}` };
/** The classification ports every fixture recorder uses. */
export const FIXTURE_CLASSIFICATION = { userAgents, geo, visitors } as const;

/** One add a test double was asked for. */
export interface AddCall {
  readonly batchId: string;
  readonly increments: readonly ClickIncrement[];
}

/**
 * A test double for the store: its first `failures` adds fail, before the inner store sees them or, when
 * `appliedAnyway`, after it applied them (a timeout after the commands were sent); then it delegates.
 */
export class FlakyStore implements ClickStore {
  readonly calls: AddCall[] = [];
  constructor(
    readonly inner: ClickStore,
    private failures: number,
    private readonly appliedAnyway = false,
  ) {}
  get attempts(): number {
    return this.calls.length;
  }
  async add(increments: readonly ClickIncrement[], batchId: string): Promise<void> {
    this.calls.push({ batchId, increments });
    if (this.failures > 0) {
      this.failures -= 1;
      if (this.appliedAnyway) await this.inner.add(increments, batchId);
      throw new Error("store unavailable");
    }
    await this.inner.add(increments, batchId);
  }
  query(linkId: string, range: DayRange) {
    return this.inner.query(linkId, range);
  }
  deleteLink(linkId: string) {
    return this.inner.deleteLink(linkId);
  }
}

/** A redirect to one of three links, from one of 50 clients. */
export function hit(index: number, overrides: Partial<RedirectHit> = {}): RedirectHit {
  return {
    linkId: `lnk_${index % 3}`,
    at: new Date("2026-03-15T12:00:00Z"),
    ip: `81.2.69.${index % 50}`,
    userAgent: index % 2 === 0 ? "Mozilla/5.0 (iPhone)" : "Mozilla/5.0 (Macintosh)",
    referrer: "https://m.facebook.com/story",
    headers: {},
    target: "default",
    ...overrides,
  };
}

let sources = 0;
const nextSource = () => {
  sources += 1;
  return sources;
};
/** Ids that never repeat within a test run: distinct batch prefixes per recorder. */
const ids: IdGenerator = {
  id: (prefix) => `${prefix}source${nextSource()}`,
  secret: () => `secret${nextSource()}`,
};

const recorders: { made: ClickRecorder; scheduler: Scheduler }[] = [];

/**
 * A recorder over `store` that flushes only when asked (by default), stopped after each test. Its timers are
 * Node's unless a scheduler is given: pass one {@link ManualScheduler} as both clock and scheduler to drive time.
 */
export function recorder(
  store: ClickStore,
  options: ClickRecorderOptions = {},
  clock: Clock = new FixedClock(),
  scheduler: Scheduler = new NodeScheduler(),
): ClickRecorder {
  const made = new ClickRecorder(
    { store, userAgents, geo, visitors, clock, scheduler, ids },
    { flushIntervalMs: 3_600_000, ...options },
  );
  recorders.push({ made, scheduler });
  return made;
}

afterEach(async () => {
  for (const { made, scheduler } of recorders.splice(0)) {
    const stopped = made.stop();
    await (scheduler instanceof ManualScheduler ? scheduler.runUntil(stopped) : stopped);
  }
});

/** Human and bot clicks of today over the three links. */
export async function totals(store: ClickStore, links = ["lnk_0", "lnk_1", "lnk_2"]) {
  let clicks = 0;
  let botClicks = 0;
  for (const link of links) {
    for (const day of (await store.query(link, TODAY)).days.values()) {
      clicks += day.clicks;
      botClicks += day.botClicks;
    }
  }
  return { clicks, botClicks };
}

/** Clicks (human and bot) in the increments of one add. */
export function clicksOf(call: AddCall): number {
  return call.increments.reduce((sum, increment) => sum + increment.clicks + increment.botClicks, 0);
}
