import type { DeliveryLog, DeliveryRecord } from "../../application/ports/webhook-delivery-log.js";
import { DELIVERY_LOG_SIZE } from "../../domain/webhook/webhook.js";

/** The delivery log in process memory: per endpoint, records by id. */
export class InMemoryDeliveryLog implements DeliveryLog {
  private readonly byEndpoint = new Map<string, Map<string, DeliveryRecord>>();

  async record(record: DeliveryRecord): Promise<void> {
    let records = this.byEndpoint.get(record.endpointId);
    if (records === undefined) {
      records = new Map();
      this.byEndpoint.set(record.endpointId, records);
    }
    records.set(record.id, structuredClone(record));
    if (records.size <= DELIVERY_LOG_SIZE) return;
    for (const old of newestFirst([...records.values()]).slice(DELIVERY_LOG_SIZE)) records.delete(old.id);
  }

  async list(endpointId: string): Promise<DeliveryRecord[]> {
    return newestFirst([...(this.byEndpoint.get(endpointId)?.values() ?? [])]).map((r) => structuredClone(r));
  }

  async deleteEndpoint(endpointId: string): Promise<void> {
    this.byEndpoint.delete(endpointId);
  }
}

/** Newest first; on a tie, the greater id first, as every store orders them. */
export function newestFirst(records: DeliveryRecord[]): DeliveryRecord[] {
  return records.sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
