import { closeSync, openSync, readSync, statSync } from "node:fs";
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/** Decimal digits only: `1e3`, `0x10`, `1.0` and ` 5` are refused rather than read as numbers. */
const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const port = wholeNumber("must be a whole number from 0 to 65535", 0, 65_535);
const positive = wholeNumber("must be a whole number of at least 1", 1, Number.MAX_SAFE_INTEGER);
/** Milliseconds a client may take: at least 100 (a test's), at most an hour. */
const timeoutMs = wholeNumber("must be a whole number of milliseconds from 100 to 3600000", 100, 3_600_000);

/** Worker processes on one port: `auto` is one per core the process may use. */
export const MAX_WORKERS = 256;
export const workerCount = z.union(
  [
    z.literal("auto").transform(() => Math.min(availableParallelism(), MAX_WORKERS)),
    wholeNumber(`must be auto or a whole number from 1 to ${MAX_WORKERS}`, 1, MAX_WORKERS),
  ],
  { error: `must be auto or a whole number from 1 to ${MAX_WORKERS}` },
);

/** A listen address: an IP address or a DNS name (letters, digits, hyphens and dots). */
const listenHost = z
  .string()
  .refine(
    (value) =>
      isIP(value) !== 0 ||
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
        value,
      ),
    "must be an IP address or a hostname, such as 0.0.0.0, :: or localhost",
  );

/** True when the file is readable and ends with a MaxMind DB's metadata marker (checked, not trusted to load). */
function isMmdbFile(path: string): boolean {
  const MARKER = Buffer.from("\xAB\xCD\xEFMaxMind.com", "latin1");
  try {
    const size = statSync(path).size;
    const length = Math.min(size, 128 * 1024);
    const tail = Buffer.alloc(length);
    const fd = openSync(path, "r");
    try {
      readSync(fd, tail, 0, length, size - length);
    } finally {
      closeSync(fd);
    }
    return tail.includes(MARKER);
  } catch {
    return false;
  }
}
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );

/** A host as a blocklist or alias entry: `evil.example`, `Evil.Example:8080`, or a URL whose host is taken. */
const hostEntry = z.string().transform((entry, ctx) => {
  const host = hostOfEntry(entry);
  if (host === null) {
    ctx.addIssue({ code: "custom", message: `'${entry}' is neither a host nor an http(s) URL` });
    return z.NEVER;
  }
  return host;
});

function hostOfEntry(entry: string): string | null {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry);
  if (!hasScheme && /[/?#@\s\\]/.test(entry)) return null;
  try {
    const parsed = new URL(hasScheme ? entry : `http://${entry}/`);
    if (parsed.username !== "" || parsed.password !== "" || parsed.hostname === "") return null;
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.host;
  } catch {
    return null;
  }
}

const flag = z.enum(["true", "false"], { error: "must be true or false" }).default("false");

const apiKeys = list.pipe(
  z.array(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_.@-]{1,64}:\S{16,512}$/,
        "each entry must be account:key, with a key of 16 or more characters",
      )
      .transform((entry) => {
        const at = entry.indexOf(":");
        return { accountId: entry.slice(0, at), key: entry.slice(at + 1) };
      }),
  ),
);

const url = (protocols: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be an absolute URL starting with ${protocols.map((protocol) => `${protocol}//`).join(" or ")}`,
  );

/** `*`, or a comma list of browser origins (`https://app.example`, no path), each kept as browsers send it. */
const corsOrigins = z.string().transform((value, ctx): "*" | string[] => {
  if (value.trim() === "*") return "*";
  const origins = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const bad = origins.find((origin) => !isOrigin(origin));
  if (bad !== undefined || origins.length === 0) {
    ctx.addIssue({
      code: "custom",
      message: `must be * or comma-separated origins such as https://app.example (no path)${bad === undefined ? "" : `; '${bad}' is not one`}`,
    });
    return z.NEVER;
  }
  return origins.map((origin) => new URL(origin).origin);
});

function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === ""
  );
}

/** The environment, as §1 of the HTTP contract lists it. */
export const configSchema = z
  .object({
    PORT: port.default(3000),
    HOST: listenHost.default("0.0.0.0"),
    HEXLINK_BASE_URL: url(["http:", "https:"])
      .refine((value) => {
        if (!URL.canParse(value)) return true; // reported by url() above
        const parsed = new URL(value);
        return parsed.pathname === "/" && parsed.search === "" && parsed.hash === "";
      }, "must be an origin such as https://sho.rt, without a path: slugs are the first path segment")
      .optional(),
    HEXLINK_STORE: z.enum(["memory", "redis", "mongodb"]).default("memory"),
    REDIS_URL: url(["redis:", "rediss:"]).optional(),
    MONGODB_URL: url(["mongodb:", "mongodb+srv:"]).optional(),
    HEXLINK_API_KEYS: apiKeys,
    HEXLINK_RATE_LIMIT_PER_SECOND: positive.default(10),
    HEXLINK_RATE_LIMIT_PER_HOUR: positive.default(1000),
    HEXLINK_RATE_LIMIT_PER_MONTH: positive.default(100_000),
    HEXLINK_AUTH_FAILURES_PER_MINUTE: positive.default(30),
    HEXLINK_QR_CODES_PER_MINUTE: positive.default(60),
    HEXLINK_HEADERS_TIMEOUT_MS: timeoutMs.default(10_000),
    HEXLINK_REQUEST_TIMEOUT_MS: timeoutMs.default(30_000),
    HEXLINK_BLOCKED_DOMAINS: list.pipe(z.array(hostEntry)),
    HEXLINK_ALLOW_PRIVATE_DESTINATIONS: flag.transform((value) => value === "true"),
    HEXLINK_WEBHOOKS_ALLOW_PRIVATE: flag.transform((value) => value === "true"),
    HEXLINK_UNKNOWN_HOSTS: z
      .enum(["fallback", "404"], { error: "must be fallback or 404" })
      .default("fallback"),
    HEXLINK_DOMAIN_ALIASES: list.pipe(z.array(hostEntry)),
    HEXLINK_REDIRECT_STATUS: z.enum(["301", "302", "307", "308"]).default("302").transform(Number),
    HEXLINK_TRUST_PROXY: optionalString.refine(
      (value) => value === undefined || isTrustProxyValue(value),
      "must be true, false, a hop count, or comma-separated addresses, subnets or loopback/linklocal/uniquelocal",
    ),
    HEXLINK_GEOIP_DB: optionalString.refine(
      (value) => value === undefined || isMmdbFile(value),
      "must be the path of a readable MaxMind .mmdb database (country or city)",
    ),
    HEXLINK_VISITOR_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    HEXLINK_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    HEXLINK_CORS_ORIGINS: corsOrigins.optional(),
    HEXLINK_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    HEXLINK_DASHBOARD: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("true")
      .transform((value) => value === "true"),
    HEXLINK_DASHBOARD_PATH: z
      .string()
      .regex(/^\/[a-z0-9][a-z0-9_-]{0,62}$/, "must be one path segment such as /app (a-z, 0-9, _ and -)")
      .default("/app"),
    HEXLINK_WORKERS: workerCount.default(1),
  })
  .superRefine((env, ctx) => {
    if (env.HEXLINK_STORE === "redis" && env.REDIS_URL === undefined) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required when HEXLINK_STORE=redis" });
    }
    if (env.HEXLINK_REQUEST_TIMEOUT_MS < env.HEXLINK_HEADERS_TIMEOUT_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["HEXLINK_REQUEST_TIMEOUT_MS"],
        message: `must be at least HEXLINK_HEADERS_TIMEOUT_MS (${env.HEXLINK_HEADERS_TIMEOUT_MS})`,
      });
    }
    if (env.HEXLINK_STORE === "memory" && env.HEXLINK_WORKERS > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["HEXLINK_WORKERS"],
        message: `${env.HEXLINK_WORKERS} workers need HEXLINK_STORE=redis or mongodb: with the memory store each worker would hold its own links, keys and clicks`,
      });
    }
    if (env.HEXLINK_STORE === "mongodb" && env.MONGODB_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MONGODB_URL"],
        message: "is required when HEXLINK_STORE=mongodb",
      });
    }
  });

export type HexlinkConfig = z.infer<typeof configSchema> & { readonly baseUrl: string };

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads and validates the environment once. @throws ConfigError naming the first bad variable */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HexlinkConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = configSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    const shown = /KEYS|URL|SECRET|TOKEN/.test(variable) ? "" : ` (got '${String(env[variable] ?? "")}')`;
    throw new ConfigError(`Invalid ${variable}: ${issue?.message ?? "invalid value"}${shown}`);
  }
  const config = result.data;
  return { ...config, baseUrl: config.HEXLINK_BASE_URL ?? `http://localhost:${config.PORT}` };
}

/** True for a value Express accepts as `trust proxy` (checked the way Express compiles it). */
function isTrustProxyValue(value: string): boolean {
  if (value === "true" || value === "false" || /^\d+$/.test(value)) return true;
  try {
    proxyAddr.compile(value.split(",").map((part) => part.trim()));
    return true;
  } catch {
    return false;
  }
}
