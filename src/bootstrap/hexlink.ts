import type { DependencyContainer } from "tsyringe";
import type { ClickSink } from "../application/ports/click-sink.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import type { Clock } from "../application/ports/technical.js";
import type { HexlinkSettings } from "../application/settings.js";
import type { ShortUrls } from "../application/short-urls.js";
import type { AuthenticateApiKey } from "../application/use-cases/api-key/authenticate-api-key.js";
import type { ConsumeRateLimit } from "../application/use-cases/api-key/consume-rate-limit.js";
import type { CreateApiKey } from "../application/use-cases/api-key/create-api-key.js";
import type { RevokeApiKey } from "../application/use-cases/api-key/revoke-api-key.js";
import type { SeedApiKeys } from "../application/use-cases/api-key/seed-api-keys.js";
import type { GetLinkAnalytics } from "../application/use-cases/click/get-link-analytics.js";
import type { ActivateDomain } from "../application/use-cases/domain/activate-domain.js";
import type { DeleteDomain } from "../application/use-cases/domain/delete-domain.js";
import type { ListDomains } from "../application/use-cases/domain/list-domains.js";
import type { RegisterDomain } from "../application/use-cases/domain/register-domain.js";
import type { VerifyDomain } from "../application/use-cases/domain/verify-domain.js";
import type { CreateLink } from "../application/use-cases/link/create-link.js";
import type { DeleteLink } from "../application/use-cases/link/delete-link.js";
import type { GetLink } from "../application/use-cases/link/get-link.js";
import type { GetLinkByShortUrl } from "../application/use-cases/link/get-link-by-short-url.js";
import type { ListLinks } from "../application/use-cases/link/list-links.js";
import type { ResolveRedirect } from "../application/use-cases/link/resolve-redirect.js";
import type { UpdateLink } from "../application/use-cases/link/update-link.js";
import { TOKENS } from "./tokens.js";

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
  readonly registerDomain: RegisterDomain;
  readonly verifyDomain: VerifyDomain;
  readonly activateDomain: ActivateDomain;
  readonly listDomains: ListDomains;
  readonly deleteDomain: DeleteDomain;
  readonly createApiKey: CreateApiKey;
  readonly seedApiKeys: SeedApiKeys;
  readonly authenticateApiKey: AuthenticateApiKey;
  readonly revokeApiKey: RevokeApiKey;
  readonly consumeRateLimit: ConsumeRateLimit;
  readonly getLinkAnalytics: GetLinkAnalytics;
  /** Pings every store; never throws. */
  ready(): Promise<Readiness>;
  /** Sends the clicks counted so far to the click store now (tests, admin tools). */
  flushClicks(): Promise<void>;
  /** Flushes pending clicks, then closes stores. */
  close(): Promise<void>;
}

/** A click sink with a lifecycle, such as the ClickRecorder. */
interface ManagedSink extends ClickSink {
  flush?(): Promise<void>;
  stop?(): Promise<void>;
  health?(): {
    readonly droppedClicks: number;
    readonly pendingBuckets: number;
    readonly lastFlushError: string | null;
  };
}

const PING_TIMEOUT_MS = 2000;

async function check(ping: () => Promise<void>): Promise<{ ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer in time")), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([ping(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves every use case from the container into a {@link Hexlink}. */
export function resolveHexlink(c: DependencyContainer): Hexlink {
  const r = <T>(token: symbol) => c.resolve<T>(token);
  const stores = r<StoreBundle>(TOKENS.stores);
  const shared = r<SharedState>(TOKENS.shared);
  const sink = r<ManagedSink>(TOKENS.clickSink);
  let closed: Promise<void> | undefined;
  return {
    settings: r(TOKENS.settings),
    clock: r(TOKENS.clock),
    shortUrls: r(TOKENS.shortUrls),
    stores,
    shared,
    clickSink: sink,
    createLink: r(TOKENS.createLink),
    getLink: r(TOKENS.getLink),
    getLinkByShortUrl: r(TOKENS.getLinkByShortUrl),
    listLinks: r(TOKENS.listLinks),
    updateLink: r(TOKENS.updateLink),
    deleteLink: r(TOKENS.deleteLink),
    resolveRedirect: r(TOKENS.resolveRedirect),
    registerDomain: r(TOKENS.registerDomain),
    verifyDomain: r(TOKENS.verifyDomain),
    activateDomain: r(TOKENS.activateDomain),
    listDomains: r(TOKENS.listDomains),
    deleteDomain: r(TOKENS.deleteDomain),
    createApiKey: r(TOKENS.createApiKey),
    seedApiKeys: r(TOKENS.seedApiKeys),
    authenticateApiKey: r(TOKENS.authenticateApiKey),
    revokeApiKey: r(TOKENS.revokeApiKey),
    consumeRateLimit: r(TOKENS.consumeRateLimit),
    getLinkAnalytics: r(TOKENS.getLinkAnalytics),
    async ready() {
      // Both pings at once: an outage costs one timeout, not two.
      const [store, sharedCheck] = await Promise.all([
        check(() => stores.ping()),
        shared.kind !== "memory" ? check(() => shared.ping()) : undefined,
      ]);
      const checks: Record<string, { ok: boolean; detail?: string }> = { [`store:${stores.kind}`]: store };
      if (sharedCheck !== undefined) checks[`shared:${shared.kind}`] = sharedCheck;
      const health = sink.health?.();
      if (health !== undefined) {
        const detail = `pending=${health.pendingBuckets} dropped=${health.droppedClicks}${health.lastFlushError ? ` error=${health.lastFlushError}` : ""}`;
        // Readiness is about the stores answering: click trouble (a failing flush, drops, which never heal) is
        // reported here and logged, but does not take the instance out of rotation.
        checks.clicks = { ok: true, detail };
      }
      return { ready: Object.values(checks).every((entry) => entry.ok), checks };
    },
    async flushClicks() {
      await sink.flush?.();
    },
    close() {
      closed ??= (async () => {
        await sink.stop?.();
        await shared.close();
        await stores.close();
      })();
      return closed;
    },
  };
}
