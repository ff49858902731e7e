import type { DependencyContainer } from "tsyringe";
import { DestinationChecker } from "../application/services/destination-checker.js";
import { DomainActivation } from "../application/services/domain-activation.js";
import { LinkDomainResolver } from "../application/services/domain-resolver.js";
import { HostResolver } from "../application/services/host-resolver.js";
import { IdempotentRequests } from "../application/services/idempotent-requests.js";
import { LinkClicks } from "../application/services/link-clicks.js";
import { ServedLinks } from "../application/services/served-links.js";
import { ShortUrls } from "../application/short-urls.js";
import { AuthenticateApiKey } from "../application/use-cases/api-key/authenticate-api-key.js";
import { ConsumeRateLimit } from "../application/use-cases/api-key/consume-rate-limit.js";
import { CreateApiKey } from "../application/use-cases/api-key/create-api-key.js";
import { IssueApiKey } from "../application/use-cases/api-key/issue-api-key.js";
import { ListApiKeys } from "../application/use-cases/api-key/list-api-keys.js";
import { RevokeApiKey } from "../application/use-cases/api-key/revoke-api-key.js";
import { SeedApiKeys } from "../application/use-cases/api-key/seed-api-keys.js";
import { GetAccountAnalytics } from "../application/use-cases/click/get-account-analytics.js";
import { GetLinkAnalytics } from "../application/use-cases/click/get-link-analytics.js";
import { GetTrackingPage } from "../application/use-cases/click/get-tracking-page.js";
import { ActivateDomain } from "../application/use-cases/domain/activate-domain.js";
import { DeleteDomain } from "../application/use-cases/domain/delete-domain.js";
import { ListDomains } from "../application/use-cases/domain/list-domains.js";
import { RegisterDomain } from "../application/use-cases/domain/register-domain.js";
import { VerifyDomain } from "../application/use-cases/domain/verify-domain.js";
import { BulkCreateLinks } from "../application/use-cases/link/bulk-create-links.js";
import { BulkDeleteLinks } from "../application/use-cases/link/bulk-delete-links.js";
import { BulkUpdateLinks } from "../application/use-cases/link/bulk-update-links.js";
import { CreateLink } from "../application/use-cases/link/create-link.js";
import { DeleteLink } from "../application/use-cases/link/delete-link.js";
import { ExportLinks } from "../application/use-cases/link/export-links.js";
import { FindQrLink } from "../application/use-cases/link/find-qr-link.js";
import { GetLink } from "../application/use-cases/link/get-link.js";
import { GetLinkByShortUrl } from "../application/use-cases/link/get-link-by-short-url.js";
import { ImportLinks } from "../application/use-cases/link/import-links.js";
import { ListLinks } from "../application/use-cases/link/list-links.js";
import { ListTags } from "../application/use-cases/link/list-tags.js";
import { ResolveRedirect } from "../application/use-cases/link/resolve-redirect.js";
import { UpdateLink } from "../application/use-cases/link/update-link.js";
import { EndDashboardSession } from "../application/use-cases/session/end-dashboard-session.js";
import { ResolveDashboardSession } from "../application/use-cases/session/resolve-dashboard-session.js";
import { StartDashboardSession } from "../application/use-cases/session/start-dashboard-session.js";
import { type Get, registerFactory, type Token } from "./token.js";
import { TOKENS as T } from "./tokens.js";

/** Registers services and use cases as singletons of this container, built from the port tokens. */
export function registerUseCases(c: DependencyContainer): void {
  const add = <V>(token: Token<V>, make: (r: Get) => V) => registerFactory(c, token, make);

  add(T.destinations, (r) => new DestinationChecker(r(T.settings), r(T.domains)));
  add(T.linkDomains, (r) => new LinkDomainResolver(r(T.settings), r(T.domains)));
  add(T.shortUrls, (r) => new ShortUrls(r(T.settings)));
  add(T.hosts, (r) => new HostResolver(r(T.settings), r(T.domains), r(T.cache), r(T.clock)));
  add(T.servedLinks, (r) => new ServedLinks(r(T.hosts), r(T.links), r(T.cache)));
  add(T.linkClicks, (r) => new LinkClicks(r(T.clickStore), r(T.clock)));
  add(T.domainActivation, (r) => new DomainActivation(r(T.domains), r(T.cache), r(T.clock)));
  add(
    T.createLink,
    (r) =>
      new CreateLink({
        links: r(T.links),
        cache: r(T.cache),
        destinations: r(T.destinations),
        linkDomains: r(T.linkDomains),
        codes: r(T.codes),
        ids: r(T.ids),
        passwords: r(T.passwords),
        clock: r(T.clock),
        settings: r(T.settings),
        urls: r(T.shortUrls),
        events: r(T.events),
      }),
  );
  add(T.getLink, (r) => new GetLink(r(T.links), r(T.shortUrls)));
  add(T.getLinkByShortUrl, (r) => new GetLinkByShortUrl(r(T.links), r(T.shortUrls)));
  add(T.listLinks, (r) => new ListLinks(r(T.links), r(T.shortUrls)));
  add(
    T.updateLink,
    (r) =>
      new UpdateLink({
        links: r(T.links),
        cache: r(T.cache),
        destinations: r(T.destinations),
        passwords: r(T.passwords),
        clock: r(T.clock),
        urls: r(T.shortUrls),
        events: r(T.events),
      }),
  );
  add(
    T.deleteLink,
    (r) =>
      new DeleteLink(r(T.links), r(T.cache), r(T.clickStore), { publisher: r(T.events), clock: r(T.clock) }),
  );
  add(
    T.resolveRedirect,
    (r) =>
      new ResolveRedirect({
        served: r(T.servedLinks),
        links: r(T.links),
        cache: r(T.cache),
        passwords: r(T.passwords),
        limiter: r(T.rateLimiter),
        keyHasher: r(T.keyHasher),
        clicks: r(T.clickSink),
        visits: r(T.visits),
        clock: r(T.clock),
        settings: r(T.settings),
      }),
  );
  add(
    T.findQrLink,
    (r) =>
      new FindQrLink(r(T.servedLinks), r(T.shortUrls), r(T.clock), {
        limiter: r(T.rateLimiter),
        hasher: r(T.keyHasher),
        settings: r(T.settings),
      }),
  );
  add(T.registerDomain, (r) => new RegisterDomain(r(T.domains), r(T.ids), r(T.clock), r(T.settings)));
  add(T.verifyDomain, (r) => new VerifyDomain(r(T.domains), r(T.domainVerifier), r(T.domainActivation)));
  add(T.activateDomain, (r) => new ActivateDomain(r(T.domains), r(T.domainActivation)));
  add(T.listDomains, (r) => new ListDomains(r(T.domains)));
  add(T.deleteDomain, (r) => new DeleteDomain(r(T.domains), r(T.cache), r(T.clock)));
  add(T.createApiKey, (r) => new CreateApiKey(r(T.apiKeys), r(T.ids), r(T.keyHasher), r(T.clock)));
  add(T.seedApiKeys, (r) => new SeedApiKeys(r(T.apiKeys), r(T.keyHasher), r(T.createApiKey)));
  add(
    T.authenticateApiKey,
    (r) =>
      new AuthenticateApiKey({
        keys: r(T.apiKeys),
        hasher: r(T.keyHasher),
        limiter: r(T.rateLimiter),
        clock: r(T.clock),
        settings: r(T.settings),
      }),
  );
  add(T.revokeApiKey, (r) => new RevokeApiKey(r(T.apiKeys), r(T.clock)));
  add(T.issueApiKey, (r) => new IssueApiKey(r(T.createApiKey), r(T.domains), r(T.settings), r(T.clock)));
  add(T.listApiKeys, (r) => new ListApiKeys(r(T.apiKeys)));
  add(T.consumeRateLimit, (r) => new ConsumeRateLimit(r(T.rateLimiter), r(T.clock), r(T.settings)));
  add(T.getLinkAnalytics, (r) => new GetLinkAnalytics(r(T.links), r(T.linkClicks), r(T.shortUrls)));
  add(T.getTrackingPage, (r) => new GetTrackingPage(r(T.links), r(T.linkClicks), r(T.shortUrls), r(T.clock)));
  add(
    T.startDashboardSession,
    (r) =>
      new StartDashboardSession({
        authenticate: r(T.authenticateApiKey),
        sessions: r(T.sessions),
        limiter: r(T.rateLimiter),
        ids: r(T.ids),
        hasher: r(T.keyHasher),
        clock: r(T.clock),
        settings: r(T.settings),
      }),
  );
  add(
    T.resolveDashboardSession,
    (r) => new ResolveDashboardSession(r(T.sessions), r(T.apiKeys), r(T.keyHasher), r(T.clock)),
  );
  add(T.endDashboardSession, (r) => new EndDashboardSession(r(T.sessions), r(T.keyHasher)));
  add(T.listTags, (r) => new ListTags(r(T.links)));
  add(T.getAccountAnalytics, (r) => new GetAccountAnalytics(r(T.links), r(T.linkClicks), r(T.shortUrls)));
  registerBulkUseCases(add);
}

/** Idempotent creates, bulk calls and export (spec §9). */
function registerBulkUseCases(add: <V>(token: Token<V>, make: (r: Get) => V) => void): void {
  add(T.idempotentRequests, (r) => new IdempotentRequests(r(T.idempotencyStore), r(T.clock)));
  add(
    T.bulkCreateLinks,
    (r) =>
      new BulkCreateLinks({
        createLink: r(T.createLink),
        links: r(T.links),
        cache: r(T.cache),
        codes: r(T.codes),
        settings: r(T.settings),
        urls: r(T.shortUrls),
        events: r(T.events),
      }),
  );
  add(T.bulkUpdateLinks, (r) => new BulkUpdateLinks(r(T.updateLink)));
  add(
    T.bulkDeleteLinks,
    (r) =>
      new BulkDeleteLinks(r(T.links), r(T.cache), r(T.clickStore), {
        publisher: r(T.events),
        clock: r(T.clock),
      }),
  );
  add(T.exportLinks, (r) => new ExportLinks(r(T.listLinks), r(T.clickStore), r(T.clock)));
  add(
    T.importLinks,
    (r) =>
      new ImportLinks({
        bulkCreateLinks: r(T.bulkCreateLinks),
        createLink: r(T.createLink),
        links: r(T.links),
        linkDomains: r(T.linkDomains),
        destinations: r(T.destinations),
        hasher: r(T.keyHasher),
      }),
  );
}
