import type { HexlinkEventName, HexlinkListener } from "./hexlink-events.js";
import type { ClickSink } from "./ports/click-sink.js";
import type { SharedState, StoreBundle } from "./ports/store-bundle.js";
import type { Clock } from "./ports/technical.js";
import type { IdempotentRequests } from "./services/idempotent-requests.js";
import type { WebhookWorker } from "./services/webhook-worker.js";
import type { HexlinkSettings } from "./settings.js";
import type { ShortUrls } from "./short-urls.js";
import type { AuthenticateApiKey } from "./use-cases/api-key/authenticate-api-key.js";
import type { ConsumeRateLimit } from "./use-cases/api-key/consume-rate-limit.js";
import type { CreateApiKey } from "./use-cases/api-key/create-api-key.js";
import type { IssueApiKey } from "./use-cases/api-key/issue-api-key.js";
import type { ListApiKeys } from "./use-cases/api-key/list-api-keys.js";
import type { RevokeApiKey } from "./use-cases/api-key/revoke-api-key.js";
import type { SeedApiKeys } from "./use-cases/api-key/seed-api-keys.js";
import type { GetAccountAnalytics } from "./use-cases/click/get-account-analytics.js";
import type { GetLinkAnalytics } from "./use-cases/click/get-link-analytics.js";
import type { GetTrackingPage } from "./use-cases/click/get-tracking-page.js";
import type { ActivateDomain } from "./use-cases/domain/activate-domain.js";
import type { DeleteDomain } from "./use-cases/domain/delete-domain.js";
import type { ListDomains } from "./use-cases/domain/list-domains.js";
import type { RegisterDomain } from "./use-cases/domain/register-domain.js";
import type { VerifyDomain } from "./use-cases/domain/verify-domain.js";
import type { BulkCreateLinks } from "./use-cases/link/bulk-create-links.js";
import type { BulkDeleteLinks } from "./use-cases/link/bulk-delete-links.js";
import type { BulkUpdateLinks } from "./use-cases/link/bulk-update-links.js";
import type { CreateLink } from "./use-cases/link/create-link.js";
import type { DeleteLink } from "./use-cases/link/delete-link.js";
import type { ExportLinks } from "./use-cases/link/export-links.js";
import type { FindQrLink } from "./use-cases/link/find-qr-link.js";
import type { GetLink } from "./use-cases/link/get-link.js";
import type { GetLinkByShortUrl } from "./use-cases/link/get-link-by-short-url.js";
import type { ImportLinks } from "./use-cases/link/import-links.js";
import type { ListLinks } from "./use-cases/link/list-links.js";
import type { ListTags } from "./use-cases/link/list-tags.js";
import type { ResolveRedirect } from "./use-cases/link/resolve-redirect.js";
import type { UpdateLink } from "./use-cases/link/update-link.js";
import type { EndDashboardSession } from "./use-cases/session/end-dashboard-session.js";
import type { ResolveDashboardSession } from "./use-cases/session/resolve-dashboard-session.js";
import type { StartDashboardSession } from "./use-cases/session/start-dashboard-session.js";
import type { CreateWebhook } from "./use-cases/webhook/create-webhook.js";
import type { DeleteWebhook } from "./use-cases/webhook/delete-webhook.js";
import type { ListWebhookDeliveries } from "./use-cases/webhook/list-webhook-deliveries.js";
import type { ListWebhooks } from "./use-cases/webhook/list-webhooks.js";
import type { TestWebhook } from "./use-cases/webhook/test-webhook.js";

/** What /readyz reports: each configured store, and the click recorder's backlog. */
export interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<string, { readonly ok: boolean; readonly detail?: string }>;
}

/** A running hexlink core: its use cases as plain objects, and its lifecycle. */
export interface Hexlink {
  readonly settings: HexlinkSettings;
  readonly clock: Clock;
  readonly shortUrls: ShortUrls;
  readonly stores: StoreBundle;
  readonly shared: SharedState;
  readonly clickSink: ClickSink;
  readonly createLink: CreateLink;
  readonly getLink: GetLink;
  readonly getLinkByShortUrl: GetLinkByShortUrl;
  readonly listLinks: ListLinks;
  readonly updateLink: UpdateLink;
  readonly deleteLink: DeleteLink;
  readonly resolveRedirect: ResolveRedirect;
  readonly findQrLink: FindQrLink;
  readonly registerDomain: RegisterDomain;
  readonly verifyDomain: VerifyDomain;
  readonly activateDomain: ActivateDomain;
  readonly listDomains: ListDomains;
  readonly deleteDomain: DeleteDomain;
  readonly createApiKey: CreateApiKey;
  readonly seedApiKeys: SeedApiKeys;
  readonly authenticateApiKey: AuthenticateApiKey;
  readonly revokeApiKey: RevokeApiKey;
  readonly issueApiKey: IssueApiKey;
  readonly listApiKeys: ListApiKeys;
  readonly consumeRateLimit: ConsumeRateLimit;
  readonly getLinkAnalytics: GetLinkAnalytics;
  readonly getTrackingPage: GetTrackingPage;
  /** Dashboard sign-in, the session behind each of its requests, and sign-out (spec §12). */
  readonly startDashboardSession: StartDashboardSession;
  readonly resolveDashboardSession: ResolveDashboardSession;
  readonly endDashboardSession: EndDashboardSession;
  readonly listTags: ListTags;
  readonly getAccountAnalytics: GetAccountAnalytics;
  readonly createWebhook: CreateWebhook;
  readonly listWebhooks: ListWebhooks;
  readonly deleteWebhook: DeleteWebhook;
  readonly listWebhookDeliveries: ListWebhookDeliveries;
  readonly testWebhook: TestWebhook;
  /** Delivers queued webhook messages once started (the server starts it); `close()` stops it. */
  readonly webhookWorker: WebhookWorker;
  /** Runs a create once per `Idempotency-Key` (spec §9). */
  readonly idempotentRequests: IdempotentRequests;
  readonly bulkCreateLinks: BulkCreateLinks;
  readonly bulkUpdateLinks: BulkUpdateLinks;
  readonly bulkDeleteLinks: BulkDeleteLinks;
  readonly exportLinks: ExportLinks;
  readonly importLinks: ImportLinks;
  /**
   * Calls `listener` on each `event` (store connection lost and back, clicks flushed or dropped, errors no
   * caller awaits); returns a function that removes it. A listener that throws is reported as `error`.
   */
  on<E extends HexlinkEventName>(event: E, listener: HexlinkListener<E>): () => void;
  /** Pings every store; never throws. */
  ready(): Promise<Readiness>;
  /** Sends the clicks counted so far to the click store now (tests, admin tools). */
  flushClicks(): Promise<void>;
  /**
   * Delivers pending clicks (by `deadline` when given: what the store has not confirmed by then is logged as
   * lost), closing the shared state meanwhile, then closes the stores. Calling it again returns the first call's.
   */
  close(deadline?: Date): Promise<void>;
}
