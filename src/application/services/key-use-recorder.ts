import { LAST_USED_PRECISION_MS } from "../../domain/api-key/api-key.js";
import type { ApiKeyRepository } from "../ports/api-key-repository.js";

/** Keys remembered at most; past it, entries older than the precision are dropped. */
const REMEMBERED_KEYS_MAX = 10_000;

/**
 * Keeps each key's `lastUsedAt` to the minute without a write per request: this process writes a key's use
 * at most once a minute, and the store's conditional write (`recordUse`) makes instances that saw the same
 * minute's use write it once between them.
 */
export class KeyUseRecorder {
  /** Key id → when this process last wrote (or found written) its use, in ms. */
  private readonly recorded = new Map<string, number>();

  constructor(private readonly keys: ApiKeyRepository) {}

  /** Records a use of the key at `now`, unless it was recorded within the minute; never throws. */
  async record(key: { readonly id: string; readonly lastUsedAt: Date | null }, now: Date): Promise<void> {
    const staleBefore = now.getTime() - LAST_USED_PRECISION_MS;
    const last = Math.max(
      this.recorded.get(key.id) ?? Number.NEGATIVE_INFINITY,
      key.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY,
    );
    if (last >= staleBefore) return;
    this.remember(key.id, now.getTime());
    try {
      await this.keys.recordUse(key.id, now, new Date(staleBefore));
    } catch {
      // A missed last-used time must not fail the request it belongs to; the next request tries again.
      this.recorded.delete(key.id);
    }
  }

  private remember(id: string, at: number): void {
    if (this.recorded.size >= REMEMBERED_KEYS_MAX) {
      for (const [known, when] of this.recorded) {
        if (when < at - LAST_USED_PRECISION_MS) this.recorded.delete(known);
      }
      // All recent: forget the oldest half; at worst each costs one more conditional write, which the store refuses.
      if (this.recorded.size >= REMEMBERED_KEYS_MAX) {
        for (const known of [...this.recorded.keys()].slice(0, REMEMBERED_KEYS_MAX / 2))
          this.recorded.delete(known);
      }
    }
    this.recorded.set(id, at);
  }
}
