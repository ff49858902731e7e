/** The answer a request was given, kept to be given again to a retry: its status and its body as sent. */
export interface RecordedAnswer {
  readonly status: number;
  readonly body: string;
}

/** What {@link IdempotencyStore.reserve} found for a key. */
export type Reservation =
  /** The key was free: it is now the caller's, who must `complete` or `release` it. */
  | { readonly kind: "reserved" }
  /** The key's first request (same fingerprint) has answered: this is that answer. */
  | { readonly kind: "replay"; readonly answer: RecordedAnswer }
  /** The key's first request (same fingerprint) has not answered yet. */
  | { readonly kind: "in_progress" }
  /** The key was used with another fingerprint (another body or route). */
  | { readonly kind: "conflict" };

/** One `Idempotency-Key` of one account, and the fingerprint (a hash) of the request that uses it. */
export interface IdempotencyKey {
  readonly accountId: string;
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * `Idempotency-Key`s per account (spec §9): a key is reserved by its first request, then holds that request's
 * answer until it expires. Kept in the store, so every instance sees the same keys. `now` is the caller's
 * clock, for stores that keep expiry as a date; `ttlMs` counts from it.
 */
export interface IdempotencyStore {
  /**
   * Reserves the key for its fingerprint for `ttlMs` (a reservation whose request died frees itself then),
   * atomically: of concurrent calls on a free key exactly one answers `reserved`. An expired reservation or
   * answer counts as free.
   */
  reserve(key: IdempotencyKey, now: Date, ttlMs: number): Promise<Reservation>;
  /** Records the answer of the caller's reservation, kept `ttlMs`; a later `reserve` replays it. */
  complete(key: IdempotencyKey, answer: RecordedAnswer, now: Date, ttlMs: number): Promise<void>;
  /** Frees the caller's reservation while it has no answer (its request failed before doing anything). */
  release(key: IdempotencyKey): Promise<void>;
}
