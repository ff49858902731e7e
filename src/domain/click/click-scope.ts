import {
  bucketKey,
  type ClickIncrement,
  type ClickOwner,
  type CountedDimension,
  LINK_DIMENSION,
  MAX_VALUES_PER_DIMENSION,
  MAX_VISITORS_PER_BUCKET,
  newBucket,
  OVERFLOW_VALUE,
} from "./click.js";

/** What account analytics count over: an account's links, or those on one domain, or those with one tag. */
export type AccountScope =
  | { readonly accountId: string }
  | { readonly accountId: string; readonly tag: string }
  | { readonly accountId: string; readonly domain: string };

const SCOPE_PREFIX = "scope:";

/**
 * The id a scope's counters are kept under in a ClickStore, beside link ids (`lnk_…`), which it can never be:
 * `scope:` and the JSON of its kind, account and tag or domain, so no account, tag or domain can pass for another.
 */
export function scopeId(scope: AccountScope): string {
  if ("tag" in scope) return SCOPE_PREFIX + JSON.stringify(["t", scope.accountId, scope.tag]);
  if ("domain" in scope) return SCOPE_PREFIX + JSON.stringify(["d", scope.accountId, scope.domain]);
  return SCOPE_PREFIX + JSON.stringify(["a", scope.accountId]);
}

/** Whether a ClickStore id names a scope rather than a link. */
export function isScopeId(id: string): boolean {
  return id.startsWith(SCOPE_PREFIX);
}

/** The scopes a click of a link so owned counts in: its account, its domain, each of its tags. */
export function scopesOf(owner: ClickOwner): string[] {
  const { accountId } = owner;
  return [
    scopeId({ accountId }),
    scopeId({ accountId, domain: owner.domain }),
    ...owner.tags.map((tag) => scopeId({ accountId, tag })),
  ];
}

/**
 * The increments with, after them, the fold of every owned increment into its scopes' buckets of that day:
 * the same clicks, bot clicks, dimension values and visitors, plus the link's human clicks under
 * {@link LINK_DIMENSION} (most clicked first). Scope buckets keep the fold's bounds: at most `MAX_VALUES_PER_DIMENSION` values per
 * dimension (the rest under `Other`) and `MAX_VISITORS_PER_BUCKET` visitors. Every store applies this to what
 * it is given, so account, domain and tag counters are kept at write time, under the batch's guard.
 */
export function withScopes(increments: readonly ClickIncrement[]): ClickIncrement[] {
  const scopes = new Map<string, ReturnType<typeof newBucket>>();
  for (const increment of increments) {
    if (increment.owner === undefined) continue;
    for (const id of scopesOf(increment.owner)) {
      const key = bucketKey(id, increment.day);
      let bucket = scopes.get(key);
      if (bucket === undefined) {
        bucket = newBucket(id, increment.day);
        scopes.set(key, bucket);
      }
      bucket.clicks += increment.clicks;
      bucket.botClicks += increment.botClicks;
      for (const [dimension, values] of increment.dimensions) addValues(bucket.dimensions, dimension, values);
      if (increment.clicks > 0) {
        addValues(bucket.dimensions, LINK_DIMENSION, new Map([[increment.linkId, increment.clicks]]));
      }
      for (const visitor of increment.visitors) {
        if (bucket.visitors.size >= MAX_VISITORS_PER_BUCKET) break;
        bucket.visitors.add(visitor);
      }
    }
  }
  for (const bucket of scopes.values()) {
    // Most clicked first: a store gives a scope-day's link slots first come, so the batch's busiest links
    // claim them before its one-click ones.
    const links = bucket.dimensions.get(LINK_DIMENSION);
    if (links !== undefined)
      bucket.dimensions.set(LINK_DIMENSION, new Map([...links].sort(([, a], [, b]) => b - a)));
  }
  return [...increments, ...scopes.values()];
}

function addValues(
  into: Map<CountedDimension, Map<string, number>>,
  dimension: CountedDimension,
  values: ReadonlyMap<string, number>,
): void {
  let counts = into.get(dimension);
  if (counts === undefined) {
    counts = new Map();
    into.set(dimension, counts);
  }
  for (const [raw, count] of values) {
    const value = counts.has(raw) || counts.size < MAX_VALUES_PER_DIMENSION ? raw : OVERFLOW_VALUE;
    counts.set(value, (counts.get(value) ?? 0) + count);
  }
}
