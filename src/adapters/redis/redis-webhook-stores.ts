import type { WebhookStores } from "../../application/ports/webhook-stores.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisDeliveryLog } from "./redis-delivery-log.js";
import { RedisEventOutbox } from "./redis-event-outbox.js";
import type { RedisKeys } from "./redis-keys.js";
import { RedisWebhookEndpoints } from "./redis-webhook-endpoints.js";

/** Webhook endpoints, outbox and delivery log in Redis, shared by every instance on it. */
export function redisWebhookStores(client: RedisClient, keys: RedisKeys): WebhookStores {
  return {
    endpoints: new RedisWebhookEndpoints(client, keys),
    outbox: new RedisEventOutbox(client, keys),
    deliveries: new RedisDeliveryLog(client, keys),
  };
}
