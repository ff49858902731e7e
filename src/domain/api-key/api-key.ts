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
}

export interface RateLimits {
  readonly perSecond: number;
  readonly perHour: number;
  readonly perMonth: number;
}

export const API_KEY_PREFIX = "hxk_";
export const API_KEY_ID_PREFIX = "key_";

export function isUsable(key: ApiKey): boolean {
  return key.revokedAt === null;
}

export function effectiveLimits(key: Pick<ApiKey, "limits">, defaults: RateLimits): RateLimits {
  return { ...defaults, ...(key.limits ?? {}) };
}

const ACCOUNT_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

export function isValidAccountId(value: string): boolean {
  return ACCOUNT_PATTERN.test(value);
}
