import type { Logger } from "pino";
import type { Hexlink } from "../application/hexlink.js";
import type { HexlinkConfig } from "./config.js";
import { createHexlink } from "./create-hexlink.js";
import { storesFromConfig } from "./stores-from-config.js";

/** A hexlink core built from validated configuration: stores, limits, blocked domains, seeded keys. */
export async function hexlinkFromConfig(config: HexlinkConfig, logger?: Logger): Promise<Hexlink> {
  const { stores, shared } = await storesFromConfig(config);
  return createHexlink({
    baseUrl: config.baseUrl,
    settings: {
      blockedDomains: config.HEXLINK_BLOCKED_DOMAINS,
      allowPrivateDestinations: config.HEXLINK_ALLOW_PRIVATE_DESTINATIONS,
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
  });
}
