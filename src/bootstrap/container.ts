import "reflect-metadata";
import { type DependencyContainer, instanceCachingFactory, container as rootContainer } from "tsyringe";
import type { ApiKeyRepository } from "../application/ports/api-key-repository.js";
import type { ClickSink } from "../application/ports/click-sink.js";
import type { ClickStore } from "../application/ports/click-store.js";
import type { DomainRepository } from "../application/ports/domain-repository.js";
import type { LinkCache } from "../application/ports/link-cache.js";
import type { LinkRepository } from "../application/ports/link-repository.js";
import type { RateLimiter } from "../application/ports/rate-limiter.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import type {
  Clock,
  CodeGenerator,
  DomainVerifier,
  IdGenerator,
  KeyHasher,
  PasswordHasher,
} from "../application/ports/technical.js";
import type { HexlinkSettings } from "../application/settings.js";
import { TOKENS } from "./tokens.js";
import { registerUseCases } from "./use-case-registrations.js";

/** Every port the core needs; the composition root fills them, a caller may replace any. */
export interface HexlinkPorts {
  readonly stores: StoreBundle;
  readonly shared: SharedState;
  readonly clickSink: ClickSink;
  readonly codes: CodeGenerator;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  readonly keyHasher: KeyHasher;
  readonly clock: Clock;
  readonly domainVerifier: DomainVerifier;
}

/** A child container with the ports as values and every use case as a cached factory. */
export function buildContainer(settings: HexlinkSettings, ports: HexlinkPorts): DependencyContainer {
  const c = rootContainer.createChildContainer();
  c.register<HexlinkSettings>(TOKENS.settings, { useValue: settings });
  c.register<StoreBundle>(TOKENS.stores, { useValue: ports.stores });
  c.register<SharedState>(TOKENS.shared, { useValue: ports.shared });
  c.register<LinkRepository>(TOKENS.links, { useValue: ports.stores.links });
  c.register<DomainRepository>(TOKENS.domains, { useValue: ports.stores.domains });
  c.register<ApiKeyRepository>(TOKENS.apiKeys, { useValue: ports.stores.apiKeys });
  c.register<ClickStore>(TOKENS.clickStore, { useValue: ports.stores.clicks });
  c.register<RateLimiter>(TOKENS.rateLimiter, { useValue: ports.shared.rateLimiter });
  c.register<LinkCache>(TOKENS.cache, { useValue: ports.shared.cache });
  c.register<ClickSink>(TOKENS.clickSink, { useValue: ports.clickSink });
  c.register<CodeGenerator>(TOKENS.codes, { useValue: ports.codes });
  c.register<IdGenerator>(TOKENS.ids, { useValue: ports.ids });
  c.register<PasswordHasher>(TOKENS.passwords, { useValue: ports.passwords });
  c.register<KeyHasher>(TOKENS.keyHasher, { useValue: ports.keyHasher });
  c.register<Clock>(TOKENS.clock, { useValue: ports.clock });
  c.register<DomainVerifier>(TOKENS.domainVerifier, { useValue: ports.domainVerifier });
  registerUseCases(c, instanceCachingFactory);
  return c;
}
