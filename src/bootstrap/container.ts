import "reflect-metadata";
import { type DependencyContainer, container as rootContainer } from "tsyringe";
import type { ClickSink } from "../application/ports/click-sink.js";
import type { EventPublisher } from "../application/ports/event-publisher.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import type {
  Clock,
  CodeGenerator,
  DomainVerifier,
  IdGenerator,
  KeyHasher,
  PasswordHasher,
} from "../application/ports/technical.js";
import type { ClassificationPorts } from "../application/services/hit-classifier.js";
import type { HexlinkSettings } from "../application/settings.js";
import { registerValue } from "./token.js";
import { TOKENS } from "./tokens.js";
import { registerUseCases } from "./use-case-registrations.js";
import { registerWebhookUseCases } from "./webhook-registrations.js";
import { createWebhookParts, type WebhookParts } from "./webhook-wiring.js";

/** Every port the core needs; the composition root fills them, a caller may replace any. */
export interface HexlinkPorts {
  readonly stores: StoreBundle;
  readonly shared: SharedState;
  readonly clickSink: ClickSink;
  /** How a redirect classifies a visit for its link's rules (user agent, country, daily visitor hash). */
  readonly visits: ClassificationPorts;
  readonly codes: CodeGenerator;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  readonly keyHasher: KeyHasher;
  readonly clock: Clock;
  readonly domainVerifier: DomainVerifier;
  /** Webhook stores, sender, signer, publisher and worker; defaults over the bundle's webhook stores when absent. */
  readonly webhooks?: WebhookParts;
  /** Where use cases announce stored changes; the webhook publisher unless replaced. */
  readonly events?: EventPublisher;
}

/** A child container with the ports as values and every use case as a cached factory. */
export function buildContainer(settings: HexlinkSettings, ports: HexlinkPorts): DependencyContainer {
  const c = rootContainer.createChildContainer();
  registerValue(c, TOKENS.settings, settings);
  registerValue(c, TOKENS.stores, ports.stores);
  registerValue(c, TOKENS.shared, ports.shared);
  registerValue(c, TOKENS.links, ports.stores.links);
  registerValue(c, TOKENS.domains, ports.stores.domains);
  registerValue(c, TOKENS.apiKeys, ports.stores.apiKeys);
  registerValue(c, TOKENS.sessions, ports.stores.sessions);
  registerValue(c, TOKENS.clickStore, ports.stores.clicks);
  registerValue(c, TOKENS.idempotencyStore, ports.stores.idempotency);
  registerValue(c, TOKENS.rateLimiter, ports.shared.rateLimiter);
  registerValue(c, TOKENS.cache, ports.shared.cache);
  registerValue(c, TOKENS.clickSink, ports.clickSink);
  registerValue(c, TOKENS.visits, ports.visits);
  registerValue(c, TOKENS.codes, ports.codes);
  registerValue(c, TOKENS.ids, ports.ids);
  registerValue(c, TOKENS.passwords, ports.passwords);
  registerValue(c, TOKENS.keyHasher, ports.keyHasher);
  registerValue(c, TOKENS.clock, ports.clock);
  registerValue(c, TOKENS.domainVerifier, ports.domainVerifier);
  const hooks =
    ports.webhooks ??
    createWebhookParts({
      stores: ports.stores.webhooks,
      settings,
      clock: ports.clock,
      ids: ports.ids,
      events: { emit: () => {} },
      options: {},
    });
  registerValue(c, TOKENS.webhookStores, hooks.stores);
  registerValue(c, TOKENS.webhookSender, hooks.sender);
  registerValue(c, TOKENS.webhookSigner, hooks.signer);
  registerValue(c, TOKENS.webhookPublisher, hooks.publisher);
  registerValue(c, TOKENS.webhookWorker, hooks.worker);
  registerValue(c, TOKENS.events, ports.events ?? hooks.publisher);
  registerUseCases(c);
  registerWebhookUseCases(c);
  return c;
}
