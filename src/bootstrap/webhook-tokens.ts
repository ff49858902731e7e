import type { EventPublisher } from "../application/ports/event-publisher.js";
import type { WebhookSender, WebhookSigner } from "../application/ports/webhook-sender.js";
import type { WebhookStores } from "../application/ports/webhook-stores.js";
import type { WebhookPublisher } from "../application/services/webhook-publisher.js";
import type { WebhookWorker } from "../application/services/webhook-worker.js";
import type { CreateWebhook } from "../application/use-cases/webhook/create-webhook.js";
import type { DeleteWebhook } from "../application/use-cases/webhook/delete-webhook.js";
import type { ListWebhookDeliveries } from "../application/use-cases/webhook/list-webhook-deliveries.js";
import type { ListWebhooks } from "../application/use-cases/webhook/list-webhooks.js";
import type { TestWebhook } from "../application/use-cases/webhook/test-webhook.js";
import { token } from "./token.js";

/** The webhook tokens (part of TOKENS). */
export const WEBHOOK_TOKENS = {
  webhookStores: token<WebhookStores>("WebhookStores"),
  webhookSender: token<WebhookSender>("WebhookSender"),
  webhookSigner: token<WebhookSigner>("WebhookSigner"),
  webhookPublisher: token<WebhookPublisher>("WebhookPublisher"),
  events: token<EventPublisher>("EventPublisher"),
  webhookWorker: token<WebhookWorker>("WebhookWorker"),
  createWebhook: token<CreateWebhook>("CreateWebhook"),
  listWebhooks: token<ListWebhooks>("ListWebhooks"),
  deleteWebhook: token<DeleteWebhook>("DeleteWebhook"),
  listWebhookDeliveries: token<ListWebhookDeliveries>("ListWebhookDeliveries"),
  testWebhook: token<TestWebhook>("TestWebhook"),
} as const;
