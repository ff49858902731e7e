import type {
  IdempotencyKey,
  IdempotencyStore,
  RecordedAnswer,
  Reservation,
} from "../../application/ports/idempotency-store.js";

interface Entry {
  readonly fingerprint: string;
  readonly answer: RecordedAnswer | null;
  readonly expiresAt: number;
}

/** Idempotency keys in a Map by account and key; expired entries are swept as new ones come in. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async reserve(key: IdempotencyKey, now: Date, ttlMs: number): Promise<Reservation> {
    const at = now.getTime();
    const id = entryId(key);
    const entry = this.entries.get(id);
    if (entry !== undefined && entry.expiresAt > at) {
      if (entry.fingerprint !== key.fingerprint) return { kind: "conflict" };
      return entry.answer === null
        ? { kind: "in_progress" }
        : { kind: "replay", answer: { ...entry.answer } };
    }
    this.sweep(at);
    this.put(id, { fingerprint: key.fingerprint, answer: null, expiresAt: at + ttlMs });
    return { kind: "reserved" };
  }

  async complete(key: IdempotencyKey, answer: RecordedAnswer, now: Date, ttlMs: number): Promise<void> {
    const id = entryId(key);
    if (this.entries.get(id)?.fingerprint !== key.fingerprint) return;
    this.put(id, { fingerprint: key.fingerprint, answer: { ...answer }, expiresAt: now.getTime() + ttlMs });
  }

  async release(key: IdempotencyKey): Promise<void> {
    const id = entryId(key);
    const entry = this.entries.get(id);
    if (entry?.answer === null && entry.fingerprint === key.fingerprint) this.entries.delete(id);
  }

  // Re-inserted at the end, so the Map stays close to expiry order and a sweep stops at its first live entry.
  private put(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) return;
      this.entries.delete(id);
    }
  }
}

function entryId(key: IdempotencyKey): string {
  return JSON.stringify([key.accountId, key.key]);
}
