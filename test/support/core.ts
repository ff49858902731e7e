import { memorySharedState, memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { NanoidIdGenerator } from "../../src/adapters/node/nanoid-id-generator.js";
import { ScryptPasswordHasher } from "../../src/adapters/node/scrypt-password-hasher.js";
import { Sha256KeyHasher } from "../../src/adapters/node/sha256-key-hasher.js";
import type { ClickSink, RedirectHit } from "../../src/application/ports/click-sink.js";
import type { CodeGenerator, DomainVerifier } from "../../src/application/ports/technical.js";
import { DestinationChecker } from "../../src/application/services/destination-checker.js";
import { DomainActivation } from "../../src/application/services/domain-activation.js";
import { LinkDomainResolver } from "../../src/application/services/domain-resolver.js";
import { HostResolver } from "../../src/application/services/host-resolver.js";
import { LinkClicks } from "../../src/application/services/link-clicks.js";
import { ServedLinks } from "../../src/application/services/served-links.js";
import { type HexlinkSettings, makeSettings } from "../../src/application/settings.js";
import { ShortUrls } from "../../src/application/short-urls.js";
import { AuthenticateApiKey } from "../../src/application/use-cases/api-key/authenticate-api-key.js";
import { ConsumeRateLimit } from "../../src/application/use-cases/api-key/consume-rate-limit.js";
import { CreateApiKey } from "../../src/application/use-cases/api-key/create-api-key.js";
import { IssueApiKey } from "../../src/application/use-cases/api-key/issue-api-key.js";
import { ListApiKeys } from "../../src/application/use-cases/api-key/list-api-keys.js";
import { RevokeApiKey } from "../../src/application/use-cases/api-key/revoke-api-key.js";
import { SeedApiKeys } from "../../src/application/use-cases/api-key/seed-api-keys.js";
import { GetAccountAnalytics } from "../../src/application/use-cases/click/get-account-analytics.js";
import { GetLinkAnalytics } from "../../src/application/use-cases/click/get-link-analytics.js";
import { GetTrackingPage } from "../../src/application/use-cases/click/get-tracking-page.js";
import { ActivateDomain } from "../../src/application/use-cases/domain/activate-domain.js";
import { DeleteDomain } from "../../src/application/use-cases/domain/delete-domain.js";
import { ListDomains } from "../../src/application/use-cases/domain/list-domains.js";
import { RegisterDomain } from "../../src/application/use-cases/domain/register-domain.js";
import { VerifyDomain } from "../../src/application/use-cases/domain/verify-domain.js";
import { CreateLink } from "../../src/application/use-cases/link/create-link.js";
import { DeleteLink } from "../../src/application/use-cases/link/delete-link.js";
import { FindQrLink } from "../../src/application/use-cases/link/find-qr-link.js";
import { GetLink } from "../../src/application/use-cases/link/get-link.js";
import { GetLinkByShortUrl } from "../../src/application/use-cases/link/get-link-by-short-url.js";
import { ListLinks } from "../../src/application/use-cases/link/list-links.js";
import { ListTags } from "../../src/application/use-cases/link/list-tags.js";
import {
  type RedirectRequest,
  ResolveRedirect,
} from "../../src/application/use-cases/link/resolve-redirect.js";
import { UpdateLink } from "../../src/application/use-cases/link/update-link.js";
import type { Link } from "../../src/domain/link/link.js";
import { FixedClock } from "./fixed-clock.js";
import { testClassification } from "./test-classification.js";

export const BASE_URL = "https://sho.rt";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Hands out queued codes first, then a counter in base 62 padded to the asked length. */
export class ScriptedCodeGenerator implements CodeGenerator {
  private readonly queued: string[] = [];
  private counter = 0;
  /** The length of every code asked for, in order. */
  readonly lengths: number[] = [];

  queue(...codes: string[]): this {
    this.queued.push(...codes);
    return this;
  }

  generate(length: number): string {
    this.lengths.push(length);
    const next = this.queued.shift();
    if (next !== undefined) return next;
    let n = ++this.counter;
    let code = "";
    while (n > 0) {
      code = BASE62.charAt(n % 62) + code;
      n = Math.floor(n / 62);
    }
    return code.padStart(length, "0");
  }
}

/** DNS as a set of published TXT records. */
export class FakeDomainVerifier implements DomainVerifier {
  private readonly records = new Set<string>();
  readonly lookups: string[] = [];

  publish(name: string, value: string): void {
    this.records.add(`${name}\u0000${value}`);
  }

  async hasTxtRecord(name: string, value: string): Promise<boolean> {
    this.lookups.push(name);
    return this.records.has(`${name}\u0000${value}`);
  }
}

/** A click sink that keeps every hit. */
export class RecordingClickSink implements ClickSink {
  readonly hits: RedirectHit[] = [];

  record(hit: RedirectHit): void {
    this.hits.push(hit);
  }
}

export interface CoreOptions {
  readonly baseUrl?: string;
  readonly settings?: Partial<Omit<HexlinkSettings, "baseUrl" | "defaultDomain">>;
  readonly codes?: CodeGenerator;
}

/** Every use case over memory adapters, with a fixed clock, scripted codes and a cheap scrypt. */
export function buildCore(options: CoreOptions = {}) {
  const settings = makeSettings(options.baseUrl ?? BASE_URL, options.settings ?? {});
  const clock = new FixedClock();
  const stores = memoryStores();
  const shared = memorySharedState(clock);
  const scripted = new ScriptedCodeGenerator();
  const codes = options.codes ?? scripted;
  const ids = new NanoidIdGenerator();
  const passwords = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });
  const keyHasher = new Sha256KeyHasher();
  const verifier = new FakeDomainVerifier();
  const sink = new RecordingClickSink();
  const { links, domains, apiKeys } = stores;
  const { cache, rateLimiter: limiter } = shared;
  const destinations = new DestinationChecker(settings, domains);
  const linkDomains = new LinkDomainResolver(settings, domains);
  const createApiKey = new CreateApiKey(apiKeys, ids, keyHasher, clock);
  const served = new ServedLinks(new HostResolver(settings, domains, cache, clock), links, cache);
  const shortUrls = new ShortUrls(settings);
  const linkClicks = new LinkClicks(stores.clicks, clock);
  const activation = new DomainActivation(domains, cache, clock);
  return {
    settings,
    clock,
    stores,
    shared,
    scripted,
    verifier,
    hits: sink.hits,
    keyHasher,
    createLink: new CreateLink({
      links,
      cache,
      destinations,
      linkDomains,
      codes,
      ids,
      passwords,
      clock,
      settings,
      urls: shortUrls,
    }),
    getLink: new GetLink(links, shortUrls),
    getLinkByShortUrl: new GetLinkByShortUrl(links, shortUrls),
    listLinks: new ListLinks(links, shortUrls),
    updateLink: new UpdateLink({ links, cache, destinations, passwords, clock, urls: shortUrls }),
    deleteLink: new DeleteLink(links, cache, stores.clicks),
    resolveRedirect: new ResolveRedirect({
      served,
      links,
      cache,
      passwords,
      limiter,
      keyHasher,
      clicks: sink,
      visits: testClassification(),
      clock,
      settings,
    }),
    findQrLink: new FindQrLink(served, shortUrls, clock),
    registerDomain: new RegisterDomain(domains, ids, clock, settings),
    verifyDomain: new VerifyDomain(domains, verifier, activation),
    activateDomain: new ActivateDomain(domains, activation),
    listDomains: new ListDomains(domains),
    deleteDomain: new DeleteDomain(domains, cache, clock),
    createApiKey,
    seedApiKeys: new SeedApiKeys(apiKeys, keyHasher, createApiKey),
    authenticateApiKey: new AuthenticateApiKey({
      keys: apiKeys,
      hasher: keyHasher,
      limiter,
      clock,
      settings,
    }),
    revokeApiKey: new RevokeApiKey(apiKeys, clock),
    issueApiKey: new IssueApiKey(createApiKey, domains, settings, clock),
    listApiKeys: new ListApiKeys(apiKeys),
    consumeRateLimit: new ConsumeRateLimit(limiter, clock, settings),
    getLinkAnalytics: new GetLinkAnalytics(links, linkClicks, shortUrls),
    getTrackingPage: new GetTrackingPage(links, linkClicks, shortUrls, clock),
    listTags: new ListTags(links),
    getAccountAnalytics: new GetAccountAnalytics(links, linkClicks, shortUrls),
  };
}

export type Core = ReturnType<typeof buildCore>;

/** A visit of `https://sho.rt/<slug>` from one client, with no query and no password. */
export function aVisit(slug: string, overrides: Partial<RedirectRequest> = {}): RedirectRequest {
  return {
    host: new URL(BASE_URL).host,
    slug,
    query: "",
    ip: "203.0.113.7",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
    referrer: "",
    headers: {},
    ...overrides,
  };
}

/** A link as its repository holds it (password hash, owner, click count): what views never show. */
export async function storedLink(core: Pick<Core, "stores">, id: string): Promise<Link> {
  const link = await core.stores.links.findById(id);
  if (link === null) throw new Error(`link ${id} is not stored`);
  return link;
}
