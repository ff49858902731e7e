import { z } from "zod";
import { emptyBody } from "./v1-request-schemas.js";
import { v1DoneResponse } from "./v1-response-schemas.js";
import { type V1Route, v1Route } from "./v1-route.js";
import {
  createWebhookBody,
  v1CreatedWebhookResponse,
  v1DeliveryListResponse,
  v1WebhookListResponse,
  v1WebhookTestResponse,
} from "./v1-webhook-schemas.js";
import { deliveryJson, webhookJson } from "./webhook-json.js";

const idParams = z.object({ id: z.string().max(100).describe("The webhook's id, `wh_…`.") });

/** `/v1/webhooks`: register, list and remove the account's endpoints, read their deliveries, send a ping. */
export const V1_WEBHOOK_ROUTES: readonly V1Route[] = [
  v1Route({
    method: "post",
    path: "/webhooks",
    summary: "Register a webhook endpoint (its signing secret is shown once)",
    scope: "webhooks:write",
    body: createWebhookBody,
    success: {
      status: 201,
      description: "{success:true, webhook} with its secret",
      body: v1CreatedWebhookResponse,
    },
    handle: async (hexlink, { body, accountId, access }) => {
      const { webhook, secret } = await hexlink.createWebhook.execute({ accountId, access, ...body });
      return { webhook: { ...webhookJson(webhook), secret } };
    },
  }),
  v1Route({
    method: "get",
    path: "/webhooks",
    summary: "List the account's webhook endpoints",
    scope: "webhooks:write",
    query: emptyBody,
    success: { status: 200, description: "{success:true, webhooks}", body: v1WebhookListResponse },
    handle: async (hexlink, { accountId, access }) => {
      const webhooks = await hexlink.listWebhooks.execute({ accountId, access });
      return { webhooks: webhooks.map(webhookJson) };
    },
  }),
  v1Route({
    method: "delete",
    path: "/webhooks/{id}",
    summary: "Remove a webhook endpoint and its delivery log",
    scope: "webhooks:write",
    params: idParams,
    success: { status: 200, description: "{success:true}", body: v1DoneResponse },
    errors: ["not_found"],
    handle: async (hexlink, { params, accountId, access }) => {
      await hexlink.deleteWebhook.execute({ accountId, access, id: params.id });
      return {};
    },
  }),
  v1Route({
    method: "get",
    path: "/webhooks/{id}/deliveries",
    summary: "The endpoint's last 100 deliveries",
    scope: "webhooks:write",
    params: idParams,
    query: emptyBody,
    success: { status: 200, description: "{success:true, deliveries}", body: v1DeliveryListResponse },
    errors: ["not_found"],
    handle: async (hexlink, { params, accountId, access }) => {
      const deliveries = await hexlink.listWebhookDeliveries.execute({ accountId, access, id: params.id });
      return { deliveries: deliveries.map(deliveryJson) };
    },
  }),
  v1Route({
    method: "post",
    path: "/webhooks/{id}/test",
    summary: "Queue a ping message to the endpoint",
    scope: "webhooks:write",
    params: idParams,
    success: { status: 202, description: "{success:true, delivery_id}", body: v1WebhookTestResponse },
    errors: ["not_found"],
    handle: async (hexlink, { params, accountId, access }) => {
      const { messageId } = await hexlink.testWebhook.execute({ accountId, access, id: params.id });
      return { delivery_id: messageId };
    },
  }),
];
