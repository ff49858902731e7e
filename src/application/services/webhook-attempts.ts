import { failingTooLong, retryDelayAfter, type WebhookEndpoint } from "../../domain/webhook/webhook.js";
import type { HexlinkEventSink } from "../hexlink-events.js";
import type { Clock } from "../ports/technical.js";
import type { DeliveryRecord } from "../ports/webhook-delivery-log.js";
import type { LeasedEvent } from "../ports/webhook-outbox.js";
import type { WebhookSender, WebhookSigner } from "../ports/webhook-sender.js";
import type { WebhookStores } from "../ports/webhook-stores.js";
import type { RecorderLogger } from "./recorder-logger.js";

/** How one attempt ended, for metrics: delivered, to be retried, or given up. */
export type AttemptOutcome = "delivered" | "retrying" | "failed";

export interface WebhookAttemptParts {
  readonly stores: WebhookStores;
  readonly sender: WebhookSender;
  readonly signer: WebhookSigner;
  readonly clock: Clock;
  readonly events: HexlinkEventSink;
  readonly log: RecorderLogger;
  /** Told of every attempt's outcome (the `hexlink_webhook_deliveries_total{status}` metric). */
  readonly onAttempt?: (outcome: AttemptOutcome) => void;
}

/**
 * One delivery attempt of a leased message: posts it signed (Standard Webhooks) to its endpoint, acknowledges a
 * 2xx, reschedules anything else on the retry schedule (same message id every time), marks it failed after the
 * last attempt, and disables an endpoint that has failed for 5 days. Every outcome goes to the delivery log.
 */
export class WebhookAttempts {
  constructor(private readonly parts: WebhookAttemptParts) {}

  /** Attempts one leased message and records its outcome. */
  async run(item: LeasedEvent): Promise<void> {
    const { stores } = this.parts;
    const endpoint = await stores.endpoints.get(item.event.endpointId);
    if (endpoint === null) {
      // Deleted with its log: nothing to tell anyone.
      await stores.outbox.acknowledge(item);
      return;
    }
    if (endpoint.status === "disabled") {
      await this.giveUp(item, item.event.attempts, null);
      return;
    }
    const now = this.parts.clock.now();
    const timestamp = Math.floor(now.getTime() / 1000);
    const { event } = item;
    const response = await this.parts.sender.send({
      url: endpoint.url,
      body: event.body,
      headers: {
        "content-type": "application/json",
        "webhook-id": event.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": this.parts.signer.signature(endpoint.secret, event.id, timestamp, event.body),
      },
    });
    const attempts = event.attempts + 1;
    const status = response.kind === "answered" ? response.status : null;
    if (status !== null && status >= 200 && status < 300) {
      if (!(await stores.outbox.acknowledge(item))) return;
      await this.ended(item, "delivered", { attempts, responseStatus: status, nextAttemptAt: null });
      if (endpoint.failingSince !== null) await stores.endpoints.update({ ...endpoint, failingSince: null });
      return;
    }
    const failedAt = this.parts.clock.now();
    const disabled = await this.endpointFailed(endpoint, failedAt);
    const delay = retryDelayAfter(attempts);
    if (disabled || delay === null) {
      await this.giveUp(item, attempts, status);
      return;
    }
    const next = new Date(failedAt.getTime() + delay);
    if (!(await stores.outbox.reschedule(item, next, attempts))) return;
    await this.ended(item, "retrying", { attempts, responseStatus: status, nextAttemptAt: next });
  }

  private async giveUp(item: LeasedEvent, attempts: number, responseStatus: number | null): Promise<void> {
    if (!(await this.parts.stores.outbox.fail(item, attempts))) return;
    await this.ended(item, "failed", { attempts, responseStatus, nextAttemptAt: null });
  }

  /** Notes the first failure of a run; disables the endpoint once the run is 5 days old (then true). */
  private async endpointFailed(endpoint: WebhookEndpoint, now: Date): Promise<boolean> {
    const failingSince = endpoint.failingSince ?? now;
    if (failingTooLong(failingSince, now)) {
      const disabled = { ...endpoint, status: "disabled" as const, failingSince };
      if (await this.parts.stores.endpoints.update(disabled)) {
        const fields = { endpointId: endpoint.id, accountId: endpoint.accountId, failingSince };
        this.parts.log("warn", "Webhook endpoint disabled: every delivery failed for 5 days", {
          ...fields,
          failingSince: failingSince.toISOString(),
        });
        this.parts.events.emit("webhook:disabled", fields);
      }
      return true;
    }
    if (endpoint.failingSince === null)
      await this.parts.stores.endpoints.update({ ...endpoint, failingSince });
    return false;
  }

  /** Counts an attempt's outcome and writes it to the delivery log. */
  private async ended(
    item: LeasedEvent,
    status: AttemptOutcome,
    outcome: Pick<DeliveryRecord, "attempts" | "responseStatus" | "nextAttemptAt">,
  ): Promise<void> {
    this.parts.onAttempt?.(status);
    const { event } = item;
    await this.parts.stores.deliveries.record({
      id: event.id,
      endpointId: event.endpointId,
      event: event.type,
      createdAt: event.createdAt,
      status,
      ...outcome,
    });
  }
}
