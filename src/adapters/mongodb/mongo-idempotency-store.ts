import type { Collection } from "mongodb";
import type {
  IdempotencyKey,
  IdempotencyStore,
  RecordedAnswer,
  Reservation,
} from "../../application/ports/idempotency-store.js";
import { mongoCall } from "./mongo-call.js";
import { ID_INDEX } from "./mongo-errors.js";

/** One key of one account: `_id` is both, so the `_id` index makes a reservation atomic. */
export interface IdempotencyKeyDocument {
  _id: string;
  fingerprint: string;
  status: number | null;
  body: string | null;
  /** The TTL index deletes the document after this. */
  expiresAt: Date;
}

/** Idempotency keys in one collection: a unique `_id` per account and key, and a TTL index on `expiresAt`. */
export class MongoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly keys: Collection<IdempotencyKeyDocument>) {}

  async reserve(key: IdempotencyKey, now: Date, ttlMs: number): Promise<Reservation> {
    const _id = documentId(key);
    // A document past its expiresAt may linger until the TTL monitor runs: it is free, so it is replaced.
    for (let attempt = 0; attempt < 3; attempt++) {
      const document = { _id, fingerprint: key.fingerprint, status: null, body: null };
      const inserted = await mongoCall(
        async () => {
          await this.keys.insertOne({ ...document, expiresAt: new Date(now.getTime() + ttlMs) });
          return true;
        },
        { index: ID_INDEX, answer: () => false },
      );
      if (inserted) return { kind: "reserved" };
      const stored = await mongoCall(() => this.keys.findOne({ _id: { $eq: _id } }));
      if (stored === null) continue;
      if (stored.expiresAt.getTime() > now.getTime()) return reservationOf(stored, key.fingerprint);
      await mongoCall(() => this.keys.deleteOne({ _id: { $eq: _id }, expiresAt: { $eq: stored.expiresAt } }));
    }
    return { kind: "in_progress" };
  }

  async complete(key: IdempotencyKey, answer: RecordedAnswer, now: Date, ttlMs: number): Promise<void> {
    await mongoCall(() =>
      this.keys.updateOne(
        { _id: { $eq: documentId(key) }, fingerprint: { $eq: key.fingerprint } },
        { $set: { status: answer.status, body: answer.body, expiresAt: new Date(now.getTime() + ttlMs) } },
      ),
    );
  }

  async release(key: IdempotencyKey): Promise<void> {
    await mongoCall(() =>
      this.keys.deleteOne({
        _id: { $eq: documentId(key) },
        fingerprint: { $eq: key.fingerprint },
        status: { $eq: null },
      }),
    );
  }
}

function documentId(key: IdempotencyKey): string {
  return JSON.stringify([key.accountId, key.key]);
}

function reservationOf(stored: IdempotencyKeyDocument, fingerprint: string): Reservation {
  if (stored.fingerprint !== fingerprint) return { kind: "conflict" };
  if (stored.status === null || stored.body === null) return { kind: "in_progress" };
  return { kind: "replay", answer: { status: stored.status, body: stored.body } };
}
