import type { Day } from "../time/day.js";

/** `target`: which of its link's targets a click went to (`default`, `rule:<n>`, `variant:<n>`; spec §8). */
export const DIMENSIONS = ["device", "os", "browser", "country", "referrer", "target"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The target of a click that went to its link's own URL. Not stored: most clicks are, so a plain link keeps no
 * target counts at all, and its default clicks are the total less the other targets' (see `toClickStats`).
 */
export const DEFAULT_TARGET = "default";

/**
 * The dimension an account, tag or domain bucket (see `click-scope.ts`) counts its links' clicks in, by link
 * id: what `top_links` is read from. A link's own buckets never hold it.
 */
export const LINK_DIMENSION = "link";
/** What a store counts per value: the visit's dimensions, and the link in a scope's buckets. */
export type CountedDimension = Dimension | typeof LINK_DIMENSION;
export const COUNTED_DIMENSIONS: readonly CountedDimension[] = [...DIMENSIONS, LINK_DIMENSION];

/** Whose a link is, as a click carries it: where the click also counts (its account, domain and tags). */
export interface ClickOwner {
  readonly accountId: string;
  readonly domain: string;
  readonly tags: readonly string[];
}

/** ISO 3166 code CLDR uses for "unknown region": a click whose country could not be found. */
export const UNKNOWN_COUNTRY = "ZZ";
export const DIRECT_REFERRER = "Direct";

/**
 * Bounds on one pending link-day bucket, so memory stays bounded by buckets even when a client sends
 * endless distinct referrers or user agents: past the bound, new values count under {@link OVERFLOW_VALUE},
 * and new visitors are no longer told apart (unique clicks then undercount; totals stay exact).
 */
export const MAX_VALUES_PER_DIMENSION = 1000;
export const MAX_VISITORS_PER_BUCKET = 100_000;
export const OVERFLOW_VALUE = "Other";

/**
 * What a click says of its visitor, whatever the link: the same for every click of one client (IP, user agent,
 * referrer) on one day, so a recorder may count clicks per profile and fold them later.
 */
export interface ClickProfile {
  readonly bot: boolean;
  readonly device: string;
  readonly os: string;
  readonly browser: string;
  /** ISO 3166-1 alpha-2 code, or {@link UNKNOWN_COUNTRY}. */
  readonly country: string;
  readonly referrer: string;
  /** Daily salted hash of IP and user agent; counts unique visitors without keeping who they are. */
  readonly visitor: string;
}

/** A click after classification: all that analytics keeps. No raw IP address is ever part of it. */
export interface ClassifiedClick extends ClickProfile {
  readonly linkId: string;
  readonly day: Day;
  /** The link's target the visitor was sent to: `default`, `rule:<n>` or `variant:<n>` (spec §8). */
  readonly target: string;
}

/** Folded clicks of one link on one day: what a ClickStore adds in one increment. */
export interface ClickIncrement {
  /** The link's id, or a scope's (`click-scope.ts`). */
  readonly linkId: string;
  readonly day: Day;
  readonly clicks: number;
  readonly botClicks: number;
  /** Per dimension, per value, how many (human) clicks. */
  readonly dimensions: ReadonlyMap<CountedDimension, ReadonlyMap<string, number>>;
  /** Distinct visitor hashes seen (humans only). */
  readonly visitors: ReadonlySet<string>;
  /**
   * Whose the link was when its first click of the bucket was counted: a store also counts the increment in
   * that account's, domain's and tags' buckets (`withScopes`). Absent: the link's buckets only.
   */
  readonly owner?: ClickOwner;
}

/** An increment being folded: what {@link newBucket} makes and {@link foldIntoBucket} adds to. */
export interface MutableIncrement {
  linkId: string;
  day: Day;
  clicks: number;
  botClicks: number;
  dimensions: Map<CountedDimension, Map<string, number>>;
  visitors: Set<string>;
  owner?: ClickOwner;
}

export function bucketKey(linkId: string, day: Day): string {
  return `${linkId}\u0000${day}`;
}

/**
 * Folds one click into a bucket map in place. Bots are counted apart and touch nothing else. Without
 * `keepVisitor`, the click counts everywhere but its visitor is not added (unique clicks then undercount).
 */
export function foldInto(
  buckets: Map<string, MutableIncrement>,
  click: ClassifiedClick,
  weight = 1,
  keepVisitor = true,
): void {
  const key = bucketKey(click.linkId, click.day);
  let bucket = buckets.get(key);
  if (bucket === undefined) {
    bucket = newBucket(click.linkId, click.day);
    buckets.set(key, bucket);
  }
  foldIntoBucket(bucket, click, weight, keepVisitor);
}

/** An empty bucket of one link and day, of `owner` when given. */
export function newBucket(linkId: string, day: Day, owner?: ClickOwner): MutableIncrement {
  const bucket: MutableIncrement = {
    linkId,
    day,
    clicks: 0,
    botClicks: 0,
    dimensions: new Map(),
    visitors: new Set(),
  };
  if (owner !== undefined) bucket.owner = owner;
  return bucket;
}

/** {@link foldInto} for a click of this bucket's link and day, the bucket already found. */
export function foldIntoBucket(
  bucket: MutableIncrement,
  click: ClassifiedClick,
  weight = 1,
  keepVisitor = true,
): void {
  if (click.bot) {
    bucket.botClicks += weight;
    return;
  }
  bucket.clicks += weight;
  if (keepVisitor && bucket.visitors.size < MAX_VISITORS_PER_BUCKET) bucket.visitors.add(click.visitor);
  for (const dimension of DIMENSIONS) {
    const raw = click[dimension];
    if (dimension === "target" && raw === DEFAULT_TARGET) continue;
    let values = bucket.dimensions.get(dimension);
    if (values === undefined) {
      values = new Map();
      bucket.dimensions.set(dimension, values);
    }
    const value = values.has(raw) || values.size < MAX_VALUES_PER_DIMENSION ? raw : OVERFLOW_VALUE;
    values.set(value, (values.get(value) ?? 0) + weight);
  }
}

/** The pure fold: any sequence of clicks to per-link, per-day increments. Order does not matter below the bucket bounds. */
export function foldClicks(clicks: Iterable<ClassifiedClick>): ClickIncrement[] {
  const buckets = new Map<string, MutableIncrement>();
  for (const click of clicks) foldInto(buckets, click);
  return [...buckets.values()];
}

/**
 * The increments with those of one link and day merged into one: counts summed, dimension values and visitors
 * united. A store guards each link-day of a batch once, so it merges first; a lone increment is kept as it is.
 */
export function mergeIncrements(increments: readonly ClickIncrement[]): ClickIncrement[] {
  const merged = new Map<string, ClickIncrement>();
  // The link-days seen more than once, summed in a copy: the increments given are never changed.
  const sums = new Map<string, MutableIncrement>();
  for (const increment of increments) {
    const key = bucketKey(increment.linkId, increment.day);
    const earlier = merged.get(key);
    if (earlier === undefined) {
      merged.set(key, increment);
      continue;
    }
    let into = sums.get(key);
    if (into === undefined) {
      into = copyOf(earlier);
      sums.set(key, into);
      merged.set(key, into);
    }
    into.clicks += increment.clicks;
    into.botClicks += increment.botClicks;
    for (const [dimension, values] of increment.dimensions) {
      let counts = into.dimensions.get(dimension);
      if (counts === undefined) {
        counts = new Map();
        into.dimensions.set(dimension, counts);
      }
      for (const [value, count] of values) counts.set(value, (counts.get(value) ?? 0) + count);
    }
    for (const visitor of increment.visitors) into.visitors.add(visitor);
  }
  return [...merged.values()];
}

function copyOf(increment: ClickIncrement): MutableIncrement {
  const copy = newBucket(increment.linkId, increment.day, increment.owner);
  copy.clicks = increment.clicks;
  copy.botClicks = increment.botClicks;
  copy.dimensions = new Map(
    [...increment.dimensions].map(([dimension, values]) => [dimension, new Map(values)]),
  );
  copy.visitors = new Set(increment.visitors);
  return copy;
}
