import type { DependencyContainer } from "tsyringe";
import { CreateWebhook } from "../application/use-cases/webhook/create-webhook.js";
import { DeleteWebhook } from "../application/use-cases/webhook/delete-webhook.js";
import { ListWebhookDeliveries } from "../application/use-cases/webhook/list-webhook-deliveries.js";
import { ListWebhooks } from "../application/use-cases/webhook/list-webhooks.js";
import { TestWebhook } from "../application/use-cases/webhook/test-webhook.js";
import { type Get, registerFactory, type Token } from "./token.js";
import { TOKENS as T } from "./tokens.js";

/** Registers the webhook use cases, built from the webhook ports. */
export function registerWebhookUseCases(c: DependencyContainer): void {
  const add = <V>(token: Token<V>, make: (r: Get) => V) => registerFactory(c, token, make);
  add(
    T.createWebhook,
    (r) =>
      new CreateWebhook({
        endpoints: r(T.webhookStores).endpoints,
        sender: r(T.webhookSender),
        signer: r(T.webhookSigner),
        ids: r(T.ids),
        clock: r(T.clock),
        settings: r(T.settings),
      }),
  );
  add(T.listWebhooks, (r) => new ListWebhooks(r(T.webhookStores).endpoints));
  add(T.deleteWebhook, (r) => new DeleteWebhook(r(T.webhookStores)));
  add(T.listWebhookDeliveries, (r) => new ListWebhookDeliveries(r(T.webhookStores)));
  add(T.testWebhook, (r) => new TestWebhook(r(T.webhookStores).endpoints, r(T.webhookPublisher)));
}
