import { randomUUID } from "node:crypto";
import { type Collection, ObjectId } from "mongodb";
import {
  DEAD_LETTERS_KEPT,
  type EventOutbox,
  type LeasedEvent,
  type OutboxEvent,
} from "../../application/ports/webhook-outbox.js";
import type { WebhookEventType } from "../../domain/webhook/webhook.js";
import { mongoCall } from "./mongo-call.js";

/** A queued message in `webhook_outbox`: the event, when it is due (or its lease expires), and its lease. */
export interface OutboxDocument {
  _id: string;
  endpointId: string;
  accountId: string;
  type: WebhookEventType;
  body: string;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  due: Date;
  lease: string | null;
}

/** A failed message in `webhook_dead_letters`, newest by its ObjectId. */
export interface DeadLetterDocument {
  _id: ObjectId;
  event: Omit<OutboxDocument, "due" | "lease">;
}

/**
 * The webhook outbox in MongoDB. Each lease is one atomic `findOneAndUpdate` on the earliest due message that
 * moves `due` to the lease's expiry and writes a fresh token, so concurrent instances never share a message and
 * one whose holder died falls due again; acknowledging and rescheduling match the token.
 */
export class MongoEventOutbox implements EventOutbox {
  constructor(
    private readonly outbox: Collection<OutboxDocument>,
    private readonly dead: Collection<DeadLetterDocument>,
  ) {}

  async append(events: readonly OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const documents = events.map(({ id, ...event }) => ({
      _id: id,
      ...event,
      due: event.nextAttemptAt,
      lease: null,
    }));
    await mongoCall(() => this.outbox.insertMany(documents, { ordered: false }));
  }

  async lease(now: Date, max: number, leaseMs: number): Promise<LeasedEvent[]> {
    const token = randomUUID();
    const until = new Date(now.getTime() + leaseMs);
    const leased: LeasedEvent[] = [];
    while (leased.length < max) {
      const document = await mongoCall(() =>
        this.outbox.findOneAndUpdate(
          { due: { $lte: now } },
          { $set: { due: until, lease: token } },
          { sort: { due: 1, _id: 1 }, returnDocument: "after" },
        ),
      );
      if (document === null) break;
      leased.push({ event: toEvent(document), lease: token });
    }
    return leased;
  }

  async acknowledge(leased: LeasedEvent): Promise<boolean> {
    const result = await mongoCall(() =>
      this.outbox.deleteOne({ _id: { $eq: leased.event.id }, lease: { $eq: leased.lease } }),
    );
    return result.deletedCount === 1;
  }

  async reschedule(leased: LeasedEvent, at: Date, attempts: number): Promise<boolean> {
    const result = await mongoCall(() =>
      this.outbox.updateOne(
        { _id: { $eq: leased.event.id }, lease: { $eq: leased.lease } },
        { $set: { due: at, nextAttemptAt: at, attempts, lease: null } },
      ),
    );
    return result.matchedCount === 1;
  }

  async fail(leased: LeasedEvent, attempts: number): Promise<boolean> {
    if (!(await this.acknowledge(leased))) return false;
    const { id, ...event } = leased.event;
    await mongoCall(() =>
      this.dead.insertOne({ _id: new ObjectId(), event: { _id: id, ...event, attempts } }),
    );
    const oldest = await mongoCall(() =>
      this.dead.find({}).sort({ _id: -1 }).skip(DEAD_LETTERS_KEPT).limit(1).toArray(),
    );
    const [cut] = oldest;
    if (cut !== undefined) await mongoCall(() => this.dead.deleteMany({ _id: { $lte: cut._id } }));
    return true;
  }

  async failed(limit: number): Promise<OutboxEvent[]> {
    if (limit <= 0) return [];
    const documents = await mongoCall(() => this.dead.find({}).sort({ _id: -1 }).limit(limit).toArray());
    return documents.map((document) => toEvent(document.event));
  }

  async size(): Promise<number> {
    return mongoCall(() => this.outbox.countDocuments({}));
  }
}

function toEvent(document: Omit<OutboxDocument, "due" | "lease">): OutboxEvent {
  const { _id, endpointId, accountId, type, body, createdAt, attempts, nextAttemptAt } = document;
  return { id: _id, endpointId, accountId, type, body, createdAt, attempts, nextAttemptAt };
}
