import type { Collection } from "mongodb";
import type { DeliveryLog, DeliveryRecord } from "../../application/ports/webhook-delivery-log.js";
import { DELIVERY_LOG_SIZE } from "../../domain/webhook/webhook.js";
import { mongoCall } from "./mongo-call.js";

/** A delivery record in `webhook_deliveries`, its message id as `_id`. */
export type DeliveryDocument = Omit<DeliveryRecord, "id"> & { _id: string };

const NEWEST = { createdAt: -1, _id: -1 } as const;

/** The delivery log in one collection; each write trims its endpoint's records past the newest 100. */
export class MongoDeliveryLog implements DeliveryLog {
  constructor(private readonly deliveries: Collection<DeliveryDocument>) {}

  async record(record: DeliveryRecord): Promise<void> {
    const { id, ...rest } = record;
    await mongoCall(() => this.deliveries.replaceOne({ _id: { $eq: id } }, rest, { upsert: true }));
    const beyond = await mongoCall(() =>
      this.deliveries
        .find({ endpointId: { $eq: record.endpointId } }, { projection: { _id: 1 } })
        .sort(NEWEST)
        .skip(DELIVERY_LOG_SIZE)
        .toArray(),
    );
    if (beyond.length > 0) {
      await mongoCall(() =>
        this.deliveries.deleteMany({ _id: { $in: beyond.map((document) => document._id) } }),
      );
    }
  }

  async list(endpointId: string): Promise<DeliveryRecord[]> {
    const documents = await mongoCall(() =>
      this.deliveries
        .find({ endpointId: { $eq: endpointId } })
        .sort(NEWEST)
        .limit(DELIVERY_LOG_SIZE)
        .toArray(),
    );
    return documents.map(
      ({ _id, endpointId: endpoint, event, status, attempts, responseStatus, nextAttemptAt, createdAt }) => ({
        id: _id,
        endpointId: endpoint,
        event,
        status,
        attempts,
        responseStatus,
        nextAttemptAt,
        createdAt,
      }),
    );
  }

  async deleteEndpoint(endpointId: string): Promise<void> {
    await mongoCall(() => this.deliveries.deleteMany({ endpointId: { $eq: endpointId } }));
  }
}
