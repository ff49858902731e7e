import type { WebhookMessage } from "../../../application/services/webhook-publisher.js";
import type { DeliveryView, WebhookView } from "../../../application/views/webhook-view.js";
import { linkJson } from "./link-json.js";

/** The v1 webhook object (spec §10); the secret is added only in the answer that creates it. */
export function webhookJson(webhook: WebhookView) {
  return {
    id: webhook.id,
    url: webhook.url,
    events: [...webhook.events],
    status: webhook.status,
    created_at: webhook.createdAt.toISOString(),
    failing_since: webhook.failingSince?.toISOString() ?? null,
  };
}

/** One entry of `GET /v1/webhooks/:id/deliveries`. */
export function deliveryJson(delivery: DeliveryView) {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    response_status: delivery.responseStatus,
    next_attempt_at: delivery.nextAttemptAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
  };
}

/** The `data` of a webhook message's body, in the v1 API's spelling (spec §10). */
export function webhookData(message: WebhookMessage): unknown {
  switch (message.type) {
    case "link.created":
    case "link.updated":
      return { link: linkJson(message.link) };
    case "link.deleted":
      return { link: { id: message.linkId } };
    case "clicks.recorded":
      return {
        clicks: message.clicks.map((click) => ({
          link_id: click.linkId,
          at: click.at.toISOString(),
          device: click.device,
          os: click.os,
          browser: click.browser,
          country: click.country,
          referrer: click.referrer,
          target: click.target,
        })),
      };
    case "ping":
      return { webhook: { id: message.endpointId } };
  }
}
