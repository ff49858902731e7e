import type { ApiKeyRepository } from "../application/ports/api-key-repository.js";
import type { ClickSink } from "../application/ports/click-sink.js";
import type { ClickStore } from "../application/ports/click-store.js";
import type { DomainRepository } from "../application/ports/domain-repository.js";
import type { IdempotencyStore } from "../application/ports/idempotency-store.js";
import type { LinkCache } from "../application/ports/link-cache.js";
import type { LinkRepository } from "../application/ports/link-repository.js";
import type { RateLimiter } from "../application/ports/rate-limiter.js";
import type { SessionStore } from "../application/ports/session-store.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import type {
  Clock,
  CodeGenerator,
  DomainVerifier,
  IdGenerator,
  KeyHasher,
  PasswordHasher,
} from "../application/ports/technical.js";
import type { DestinationChecker } from "../application/services/destination-checker.js";
import type { DomainActivation } from "../application/services/domain-activation.js";
import type { LinkDomainResolver } from "../application/services/domain-resolver.js";
import type { ClassificationPorts } from "../application/services/hit-classifier.js";
import type { HostResolver } from "../application/services/host-resolver.js";
import type { IdempotentRequests } from "../application/services/idempotent-requests.js";
import type { LinkClicks } from "../application/services/link-clicks.js";
import type { ServedLinks } from "../application/services/served-links.js";
import type { HexlinkSettings } from "../application/settings.js";
import type { ShortUrls } from "../application/short-urls.js";
import type { AuthenticateApiKey } from "../application/use-cases/api-key/authenticate-api-key.js";
import type { ConsumeRateLimit } from "../application/use-cases/api-key/consume-rate-limit.js";
import type { CreateApiKey } from "../application/use-cases/api-key/create-api-key.js";
import type { IssueApiKey } from "../application/use-cases/api-key/issue-api-key.js";
import type { ListApiKeys } from "../application/use-cases/api-key/list-api-keys.js";
import type { RevokeApiKey } from "../application/use-cases/api-key/revoke-api-key.js";
import type { SeedApiKeys } from "../application/use-cases/api-key/seed-api-keys.js";
import type { GetAccountAnalytics } from "../application/use-cases/click/get-account-analytics.js";
import type { GetLinkAnalytics } from "../application/use-cases/click/get-link-analytics.js";
import type { GetTrackingPage } from "../application/use-cases/click/get-tracking-page.js";
import type { ActivateDomain } from "../application/use-cases/domain/activate-domain.js";
import type { DeleteDomain } from "../application/use-cases/domain/delete-domain.js";
import type { ListDomains } from "../application/use-cases/domain/list-domains.js";
import type { RegisterDomain } from "../application/use-cases/domain/register-domain.js";
import type { VerifyDomain } from "../application/use-cases/domain/verify-domain.js";
import type { BulkCreateLinks } from "../application/use-cases/link/bulk-create-links.js";
import type { BulkDeleteLinks } from "../application/use-cases/link/bulk-delete-links.js";
import type { BulkUpdateLinks } from "../application/use-cases/link/bulk-update-links.js";
import type { CreateLink } from "../application/use-cases/link/create-link.js";
import type { DeleteLink } from "../application/use-cases/link/delete-link.js";
import type { ExportLinks } from "../application/use-cases/link/export-links.js";
import type { FindQrLink } from "../application/use-cases/link/find-qr-link.js";
import type { GetLink } from "../application/use-cases/link/get-link.js";
import type { GetLinkByShortUrl } from "../application/use-cases/link/get-link-by-short-url.js";
import type { ImportLinks } from "../application/use-cases/link/import-links.js";
import type { ListLinks } from "../application/use-cases/link/list-links.js";
import type { ListTags } from "../application/use-cases/link/list-tags.js";
import type { ResolveRedirect } from "../application/use-cases/link/resolve-redirect.js";
import type { UpdateLink } from "../application/use-cases/link/update-link.js";
import type { EndDashboardSession } from "../application/use-cases/session/end-dashboard-session.js";
import type { ResolveDashboardSession } from "../application/use-cases/session/resolve-dashboard-session.js";
import type { StartDashboardSession } from "../application/use-cases/session/start-dashboard-session.js";
import { token } from "./token.js";
import { WEBHOOK_TOKENS } from "./webhook-tokens.js";

/** The container's tokens, one per port, service and use case, each typed by what it holds. */
export const TOKENS = {
  settings: token<HexlinkSettings>("HexlinkSettings"),
  stores: token<StoreBundle>("StoreBundle"),
  shared: token<SharedState>("SharedState"),
  links: token<LinkRepository>("LinkRepository"),
  domains: token<DomainRepository>("DomainRepository"),
  apiKeys: token<ApiKeyRepository>("ApiKeyRepository"),
  sessions: token<SessionStore>("SessionStore"),
  clickStore: token<ClickStore>("ClickStore"),
  rateLimiter: token<RateLimiter>("RateLimiter"),
  cache: token<LinkCache>("LinkCache"),
  clickSink: token<ClickSink>("ClickSink"),
  visits: token<ClassificationPorts>("ClassificationPorts"),
  codes: token<CodeGenerator>("CodeGenerator"),
  ids: token<IdGenerator>("IdGenerator"),
  passwords: token<PasswordHasher>("PasswordHasher"),
  keyHasher: token<KeyHasher>("KeyHasher"),
  clock: token<Clock>("Clock"),
  domainVerifier: token<DomainVerifier>("DomainVerifier"),
  destinations: token<DestinationChecker>("DestinationChecker"),
  linkDomains: token<LinkDomainResolver>("LinkDomainResolver"),
  hosts: token<HostResolver>("HostResolver"),
  servedLinks: token<ServedLinks>("ServedLinks"),
  linkClicks: token<LinkClicks>("LinkClicks"),
  domainActivation: token<DomainActivation>("DomainActivation"),
  shortUrls: token<ShortUrls>("ShortUrls"),
  createLink: token<CreateLink>("CreateLink"),
  getLink: token<GetLink>("GetLink"),
  getLinkByShortUrl: token<GetLinkByShortUrl>("GetLinkByShortUrl"),
  listLinks: token<ListLinks>("ListLinks"),
  updateLink: token<UpdateLink>("UpdateLink"),
  deleteLink: token<DeleteLink>("DeleteLink"),
  resolveRedirect: token<ResolveRedirect>("ResolveRedirect"),
  findQrLink: token<FindQrLink>("FindQrLink"),
  registerDomain: token<RegisterDomain>("RegisterDomain"),
  verifyDomain: token<VerifyDomain>("VerifyDomain"),
  activateDomain: token<ActivateDomain>("ActivateDomain"),
  listDomains: token<ListDomains>("ListDomains"),
  deleteDomain: token<DeleteDomain>("DeleteDomain"),
  createApiKey: token<CreateApiKey>("CreateApiKey"),
  seedApiKeys: token<SeedApiKeys>("SeedApiKeys"),
  authenticateApiKey: token<AuthenticateApiKey>("AuthenticateApiKey"),
  revokeApiKey: token<RevokeApiKey>("RevokeApiKey"),
  issueApiKey: token<IssueApiKey>("IssueApiKey"),
  listApiKeys: token<ListApiKeys>("ListApiKeys"),
  consumeRateLimit: token<ConsumeRateLimit>("ConsumeRateLimit"),
  getLinkAnalytics: token<GetLinkAnalytics>("GetLinkAnalytics"),
  getTrackingPage: token<GetTrackingPage>("GetTrackingPage"),
  startDashboardSession: token<StartDashboardSession>("StartDashboardSession"),
  resolveDashboardSession: token<ResolveDashboardSession>("ResolveDashboardSession"),
  endDashboardSession: token<EndDashboardSession>("EndDashboardSession"),
  listTags: token<ListTags>("ListTags"),
  getAccountAnalytics: token<GetAccountAnalytics>("GetAccountAnalytics"),
  ...WEBHOOK_TOKENS,
  idempotencyStore: token<IdempotencyStore>("IdempotencyStore"),
  idempotentRequests: token<IdempotentRequests>("IdempotentRequests"),
  bulkCreateLinks: token<BulkCreateLinks>("BulkCreateLinks"),
  bulkUpdateLinks: token<BulkUpdateLinks>("BulkUpdateLinks"),
  bulkDeleteLinks: token<BulkDeleteLinks>("BulkDeleteLinks"),
  exportLinks: token<ExportLinks>("ExportLinks"),
  importLinks: token<ImportLinks>("ImportLinks"),
} as const;

export type TokenName = keyof typeof TOKENS;
