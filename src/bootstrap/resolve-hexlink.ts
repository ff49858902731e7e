import type { DependencyContainer } from "tsyringe";
import type { Hexlink } from "../application/hexlink.js";
import type { ClickSink } from "../application/ports/click-sink.js";
import type { HexlinkEmitter } from "../application/services/hexlink-emitter.js";
import { type Get, resolve } from "./token.js";
import { TOKENS } from "./tokens.js";
import { watchStores } from "./watch-stores.js";

/** A click sink with a lifecycle, such as the ClickRecorder. */
interface ManagedSink extends ClickSink {
  flush?(): Promise<void>;
  stop?(deadline?: Date): Promise<void>;
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

/**
 * Resolves every use case from the container into a {@link Hexlink} whose events `emitter` carries; the
 * stores' connection changes reach it from now on.
 */
export function resolveHexlink(c: DependencyContainer, emitter: HexlinkEmitter): Hexlink {
  const r: Get = (token) => resolve(c, token);
  const stores = r(TOKENS.stores);
  const shared = r(TOKENS.shared);
  const unwatch = watchStores(stores, shared, emitter);
  // The default sink is a ClickRecorder; a caller's own sink may lack these members.
  const sink: ManagedSink = r(TOKENS.clickSink);
  const worker = r(TOKENS.webhookWorker);
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
    findQrLink: r(TOKENS.findQrLink),
    registerDomain: r(TOKENS.registerDomain),
    verifyDomain: r(TOKENS.verifyDomain),
    activateDomain: r(TOKENS.activateDomain),
    listDomains: r(TOKENS.listDomains),
    deleteDomain: r(TOKENS.deleteDomain),
    createApiKey: r(TOKENS.createApiKey),
    seedApiKeys: r(TOKENS.seedApiKeys),
    authenticateApiKey: r(TOKENS.authenticateApiKey),
    revokeApiKey: r(TOKENS.revokeApiKey),
    issueApiKey: r(TOKENS.issueApiKey),
    listApiKeys: r(TOKENS.listApiKeys),
    consumeRateLimit: r(TOKENS.consumeRateLimit),
    getLinkAnalytics: r(TOKENS.getLinkAnalytics),
    getTrackingPage: r(TOKENS.getTrackingPage),
    startDashboardSession: r(TOKENS.startDashboardSession),
    resolveDashboardSession: r(TOKENS.resolveDashboardSession),
    endDashboardSession: r(TOKENS.endDashboardSession),
    listTags: r(TOKENS.listTags),
    getAccountAnalytics: r(TOKENS.getAccountAnalytics),
    createWebhook: r(TOKENS.createWebhook),
    listWebhooks: r(TOKENS.listWebhooks),
    deleteWebhook: r(TOKENS.deleteWebhook),
    listWebhookDeliveries: r(TOKENS.listWebhookDeliveries),
    testWebhook: r(TOKENS.testWebhook),
    webhookWorker: worker,
    idempotentRequests: r(TOKENS.idempotentRequests),
    bulkCreateLinks: r(TOKENS.bulkCreateLinks),
    bulkUpdateLinks: r(TOKENS.bulkUpdateLinks),
    bulkDeleteLinks: r(TOKENS.bulkDeleteLinks),
    exportLinks: r(TOKENS.exportLinks),
    importLinks: r(TOKENS.importLinks),
    on: (event, listener) => emitter.on(event, listener),
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
    close(deadline) {
      closed ??= (async () => {
        unwatch();
        // The click store is among the stores, so they close last; the cache and limiter need not wait.
        // Attempts still out at the deadline keep their lease: another instance delivers them once it expires.
        await Promise.all([sink.stop?.(deadline), worker.stop(deadline), shared.close()]);
        await stores.close();
      })();
      return closed;
    },
  };
}
