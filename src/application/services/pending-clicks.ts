import {
  bucketKey,
  type ClickOwner,
  type ClickProfile,
  DEFAULT_TARGET,
  foldIntoBucket,
  MAX_VISITORS_PER_BUCKET,
  type MutableIncrement,
  newBucket,
} from "../../domain/click/click.js";
import type { Day } from "../../domain/time/day.js";

/** The clicks of one link on one day not yet sent to the store. */
export interface PendingBucket {
  /** What is folded already: every count, and the dimensions of the clicks not held in `profiles`. */
  readonly increment: MutableIncrement;
  /**
   * Human clicks to the link's own URL, counted per client profile (the classifier hands one client the same
   * object) and folded into dimensions only when taken: a repeated click costs one map update, not seven. Their
   * visitor ids are in `increment` already.
   */
  readonly profiles: Map<ClickProfile, number>;
}

/**
 * The recorder's pending buckets by link and day, found without building a key for the current day (the
 * link's id is the same string each time, its hash kept), and folded into increments when taken.
 */
export class PendingClicks {
  private readonly byKey = new Map<string, PendingBucket>();
  private today: Day = "";
  private readonly todays = new Map<string, PendingBucket>();

  get size(): number {
    return this.byKey.size;
  }

  find(linkId: string, day: Day): PendingBucket | undefined {
    return day === this.today ? this.todays.get(linkId) : this.byKey.get(bucketKey(linkId, day));
  }

  add(linkId: string, day: Day, owner: ClickOwner | undefined): PendingBucket {
    const bucket: PendingBucket = { increment: newBucket(linkId, day, owner), profiles: new Map() };
    this.byKey.set(bucketKey(linkId, day), bucket);
    // Days only move forward but for a late click: the newest day is the one indexed.
    if (day > this.today) {
      this.today = day;
      this.todays.clear();
    }
    if (day === this.today) this.todays.set(linkId, bucket);
    return bucket;
  }

  /**
   * Counts a human click of `profile` to the link's own URL; its dimensions are folded when taken, its visitor
   * id is kept at once (bounded per bucket). Answers how many visitor ids the bucket gained (0 or 1).
   */
  countLater(bucket: PendingBucket, profile: ClickProfile): number {
    const { increment, profiles } = bucket;
    const count = profiles.get(profile);
    profiles.set(profile, (count ?? 0) + 1);
    increment.clicks += 1;
    if (count !== undefined || increment.visitors.size >= MAX_VISITORS_PER_BUCKET) return 0;
    const before = increment.visitors.size;
    increment.visitors.add(profile.visitor);
    return increment.visitors.size - before;
  }

  /** Every click held, human and bot. */
  clicks(): number {
    let clicks = 0;
    for (const { increment } of this.byKey.values()) clicks += increment.clicks + increment.botClicks;
    return clicks;
  }

  /** Hands every bucket over as an increment, its profiles folded in, and starts empty. */
  take(): MutableIncrement[] {
    const increments: MutableIncrement[] = [];
    for (const { increment, profiles } of this.byKey.values()) {
      for (const [profile, count] of profiles) {
        const click = { ...profile, linkId: increment.linkId, day: increment.day, target: DEFAULT_TARGET };
        // Counted, and its visitor kept, when it happened: only its dimensions are folded now.
        increment.clicks -= count;
        foldIntoBucket(increment, click, count, false);
      }
      increments.push(increment);
    }
    this.clear();
    return increments;
  }

  clear(): void {
    this.byKey.clear();
    this.todays.clear();
  }
}
