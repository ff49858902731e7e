import type { Logger } from "pino";
// Straight from their files, not the adapter's index: the CLI builds hexlink here and must not load Express.
import type { ClickBacklog, HexlinkMetrics } from "../adapters/express/metrics/hexlink-metrics.js";
import { instrumentStores } from "../adapters/express/metrics/instrument-stores.js";
import type { Hexlink } from "../application/hexlink.js";
import type { HexlinkConfig } from "./config.js";
import { createHexlink } from "./create-hexlink.js";
import { storesFromConfig } from "./stores-from-config.js";

/**
 * A hexlink core built from validated configuration: stores, limits, blocked domains, seeded keys. With `metrics`,
 * its store calls, link cache lookups and click backlog are counted there.
 */
export async function hexlinkFromConfig(
  config: HexlinkConfig,
  logger?: Logger,
  metrics?: HexlinkMetrics,
): Promise<Hexlink> {
  const built = await storesFromConfig(config);
  const { stores, shared } =
    metrics === undefined ? built : instrumentStores(built.stores, built.shared, metrics);
  const hexlink = await createHexlink({
    baseUrl: config.baseUrl,
    settings: {
      blockedDomains: config.HEXLINK_BLOCKED_DOMAINS,
      allowPrivateDestinations: config.HEXLINK_ALLOW_PRIVATE_DESTINATIONS,
      allowPrivateWebhooks: config.HEXLINK_WEBHOOKS_ALLOW_PRIVATE,
      authFailuresPerMinute: config.HEXLINK_AUTH_FAILURES_PER_MINUTE,
      qrCodesPerMinute: config.HEXLINK_QR_CODES_PER_MINUTE,
      unknownHosts: config.HEXLINK_UNKNOWN_HOSTS,
      domainAliases: config.HEXLINK_DOMAIN_ALIASES,
      rateLimits: {
        perSecond: config.HEXLINK_RATE_LIMIT_PER_SECOND,
        perHour: config.HEXLINK_RATE_LIMIT_PER_HOUR,
        perMonth: config.HEXLINK_RATE_LIMIT_PER_MONTH,
      },
    },
    stores,
    shared,
    apiKeys: config.HEXLINK_API_KEYS,
    clickRecording: {
      trustProxy: config.HEXLINK_TRUST_PROXY !== undefined && config.HEXLINK_TRUST_PROXY !== "false",
      ...(config.HEXLINK_GEOIP_DB === undefined ? {} : { geoipDb: config.HEXLINK_GEOIP_DB }),
      ...(config.HEXLINK_VISITOR_SECRET === undefined
        ? {}
        : { visitorSecret: config.HEXLINK_VISITOR_SECRET }),
      recorder: { logger: (level, message, fields) => logger?.[level](fields, message) },
    },
    webhooks: {
      logger: (level, message, fields) => logger?.[level](fields, message),
      ...(metrics === undefined ? {} : { onAttempt: (outcome) => metrics.webhookDelivery(outcome) }),
    },
  });
  metrics?.readClicksFrom(() => clickBacklog(hexlink.clickSink));
  return hexlink;
}

/** The recorder's backlog, when the sink is one that reports it (the default ClickRecorder). */
function clickBacklog(sink: object): ClickBacklog | undefined {
  if (!("health" in sink) || typeof sink.health !== "function") return undefined;
  const health: unknown = sink.health();
  return typeof health === "object" &&
    health !== null &&
    "pendingBuckets" in health &&
    "droppedClicks" in health
    ? (health as ClickBacklog)
    : undefined;
}
