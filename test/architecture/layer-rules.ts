/**
 * The layering rules of src, as data. Adding an adapter folder, a package or a cross-adapter import
 * means editing this file, so each new dependency is placed deliberately and reviewed.
 */

/** Every folder under src/adapters; a file in any other folder there lies in no known layer. */
export const ADAPTERS = ["memory", "redis", "mongodb", "express", "node", "classify", "csv"] as const;

export type Adapter = (typeof ADAPTERS)[number];

/**
 * Where a file of src sits: "index" is src/index.ts alone, the package's main export; "testing" is
 * src/testing, the hexlink/testing export (contract suites, a manual clock, a test instance).
 */
export type Zone = "domain" | "application" | "index" | "bootstrap" | "testing" | `adapters/${Adapter}`;

export const ADAPTER_ZONES: readonly Zone[] = ADAPTERS.map((name): Zone => `adapters/${name}`);

export const ZONES: readonly Zone[] = [
  "domain",
  "application",
  "index",
  ...ADAPTER_ZONES,
  "bootstrap",
  "testing",
];

/**
 * Which zones a zone's relative imports may reach. Inner layers never see outer ones; an adapter sees
 * the core and its own folder; bootstrap alone sees every adapter.
 */
export const MAY_IMPORT: Readonly<Record<Zone, readonly Zone[]>> = {
  domain: ["domain"],
  application: ["domain", "application"],
  index: ["domain", "application"],
  "adapters/memory": ["domain", "application", "adapters/memory"],
  "adapters/redis": ["domain", "application", "adapters/redis"],
  "adapters/mongodb": ["domain", "application", "adapters/mongodb"],
  "adapters/express": ["domain", "application", "adapters/express"],
  "adapters/node": ["domain", "application", "adapters/node"],
  "adapters/classify": ["domain", "application", "adapters/classify"],
  "adapters/csv": ["domain", "application", "adapters/csv"],
  bootstrap: ["domain", "application", ...ADAPTER_ZONES, "bootstrap"],
  // Test helpers for embedders: the memory adapters, and createHexlink for createTestHexlink's wiring.
  testing: ["domain", "application", "adapters/memory", "bootstrap", "testing"],
};

/** One file of another adapter that an adapter may import, with the reason it is shared. */
export interface SharedHelper {
  readonly from: Zone;
  readonly file: string;
  readonly why: string;
}

/** The only imports from one adapter into another. Keep it short: a second user means a shared module. */
export const SHARED_HELPERS: readonly SharedHelper[] = [
  {
    from: "adapters/express",
    file: "src/adapters/csv/link-export-format.ts",
    why: "GET /v1/links/export and `hexlink export` write one format, so the HTTP export uses the CSV adapter's",
  },
  {
    from: "adapters/express",
    file: "src/adapters/csv/import-file.ts",
    why: "the dashboard's import reads an upload with the very reader `hexlink import` uses (same rows, same report)",
  },
  {
    from: "adapters/express",
    file: "src/adapters/csv/import-sources.ts",
    why: "the dashboard's import offers the sources `hexlink import` reads",
  },
  {
    from: "adapters/redis",
    file: "src/adapters/memory/lru-link-cache.ts",
    why: "the Redis link cache is the memory LRU plus pub/sub invalidation, so it extends it and shares its keys",
  },
];

/**
 * Zones that may import packages and Node built-ins (always as node:…); the core stays free of the platform.
 */
export const MAY_USE_NODE: readonly Zone[] = [...ADAPTER_ZONES, "bootstrap", "testing"];

/**
 * The packages each zone imports (including `require.resolve` of a package's files). The core and the
 * main export import none, so a team embeds them with its own DI and frameworks.
 */
export const PACKAGES: Readonly<Record<Zone, readonly string[]>> = {
  domain: [],
  application: [],
  index: [],
  "adapters/memory": ["lru-cache"],
  "adapters/redis": ["ioredis", "lru-cache"],
  "adapters/mongodb": ["mongodb"],
  "adapters/express": [
    "busboy",
    "express",
    "helmet",
    "lru-cache",
    "pino",
    "prom-client",
    "proxy-addr",
    "qrcode",
    "zod",
  ],
  "adapters/node": ["nanoid"],
  "adapters/classify": [
    "@ip-location-db/geo-whois-asn-country-mmdb",
    "isbot",
    "lru-cache",
    "maxmind",
    "ua-parser-js",
  ],
  "adapters/csv": ["csv-parse", "csv-stringify"],
  bootstrap: ["cli-progress", "pino", "proxy-addr", "reflect-metadata", "tsyringe", "zod"],
  // Optional peer dependencies of hexlink/testing only: the contract suites are vitest suites.
  testing: ["fast-check", "vitest"],
};

/** The frameworks and drivers, and the only zones that may ever import them. */
export const FRAMEWORK_HOMES: Readonly<Record<string, readonly Zone[]>> = {
  express: ["adapters/express", "bootstrap"],
  ioredis: ["adapters/redis", "bootstrap"],
  mongodb: ["adapters/mongodb", "bootstrap"],
  zod: [...ADAPTER_ZONES, "bootstrap"],
  tsyringe: ["bootstrap"],
  "reflect-metadata": ["bootstrap"],
};
