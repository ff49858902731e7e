import { DomainError } from "../errors/domain-error.js";
import type { ApiKeyScope } from "./key-access.js";

/** An API key as stored: only its SHA-256 hash, never the key itself. */
export interface ApiKey {
  readonly id: string;
  readonly accountId: string;
  readonly hash: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  /** False for an account whose plan does not include the API (`forbidden`). */
  readonly apiAccess: boolean;
  /** Per-key overrides of the server's rate limits. */
  readonly limits: Partial<RateLimits> | null;
  /** An operator's label for the key (`hexlink keys rename`); absent until given. */
  readonly name?: string;
  /** What the key may do; keys stored before scopes existed read as every scope. */
  readonly scopes: readonly ApiKeyScope[];
  /** The hostnames it is limited to (see `KeyAccess`); null for every domain of its account. */
  readonly domains: readonly string[] | null;
  /** From then on the key answers as an unknown one; null for never. */
  readonly expiresAt: Date | null;
  /** When a request last used it, to the minute (written at most once a minute per key). */
  readonly lastUsedAt: Date | null;
}

export interface RateLimits {
  readonly perSecond: number;
  readonly perHour: number;
  readonly perMonth: number;
}

export const API_KEY_PREFIX = "hxk_";
export const API_KEY_ID_PREFIX = "key_";

/** Neither revoked nor expired at `now`. */
export function isUsable(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > now.getTime());
}

/** How long a key's `lastUsedAt` may lag behind its real last use: at most one write per key per minute. */
export const LAST_USED_PRECISION_MS = 60_000;

export function effectiveLimits(key: Pick<ApiKey, "limits">, defaults: RateLimits): RateLimits {
  return { ...defaults, ...(key.limits ?? {}) };
}

const ACCOUNT_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

export function isValidAccountId(value: string): boolean {
  return ACCOUNT_PATTERN.test(value);
}

/** The longest name a key may have. */
export const API_KEY_NAME_MAX_LENGTH = 64;

/** A key's name, trimmed. @throws DomainError invalid_request unless 1 to 64 printable characters */
export function parseKeyName(name: string): string {
  const trimmed = name.trim();
  // Printable characters only: the name is shown in a terminal's table.
  if (trimmed === "" || trimmed.length > API_KEY_NAME_MAX_LENGTH || /\p{Cc}/u.test(trimmed)) {
    throw new DomainError(
      "invalid_request",
      `A key's name is 1 to ${API_KEY_NAME_MAX_LENGTH} printable characters.`,
    );
  }
  return trimmed;
}

/** The highest per-key limit in any window. */
export const RATE_LIMIT_MAX = 1_000_000_000;

/** Per-key limit overrides, each a whole number from 1. @throws DomainError invalid_request */
export function checkLimits(limits: Partial<RateLimits>): Partial<RateLimits> {
  for (const [window, value] of Object.entries(limits)) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= RATE_LIMIT_MAX)) {
      throw new DomainError(
        "invalid_request",
        `The ${window} limit is a whole number from 1 to ${RATE_LIMIT_MAX}.`,
      );
    }
  }
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

/** @throws DomainError invalid_request for an expiry that is not after `now` */
export function checkKeyExpiry(expiresAt: Date | null, now: Date): Date | null {
  if (expiresAt !== null && !(expiresAt.getTime() > now.getTime())) {
    throw new DomainError("invalid_request", "expires_at must be a time in the future.");
  }
  return expiresAt;
}
