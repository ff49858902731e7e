import { isUsable } from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { decide, minuteWindow, type RateWindow } from "../../../domain/rate-limit/rate-window.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { Clock, KeyHasher } from "../../ports/technical.js";
import { KeyUseRecorder } from "../../services/key-use-recorder.js";
import type { HexlinkSettings } from "../../settings.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

/** The key a client presented, with the subject its requests are counted under. */
export interface AuthenticatedApiKey extends ApiKeyView {
  /** Derived from the key's hash, so instances that seeded one key under different ids count it once. */
  readonly rateLimitSubject: string;
}

export interface AuthenticateApiKeyDeps {
  readonly keys: ApiKeyRepository;
  readonly hasher: KeyHasher;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly settings: HexlinkSettings;
}

const unauthorized = () => new DomainError("unauthorized", "A valid API key is required.");

/**
 * The stored key a client presented. Failed attempts are counted per client address; once an address is over
 * `authFailuresPerMinute`, every attempt from it is refused until the minute ends, a right key included, so
 * guessing learns nothing more. An unknown, revoked or expired key takes the same path and answers the same.
 * Keys are read from the store on every request (no cache), so a revocation holds at once on every instance
 * sharing it. A key's last use is recorded at most once a minute (`KeyUseRecorder`).
 * @throws DomainError unauthorized, forbidden, rate_limited
 */
export class AuthenticateApiKey {
  private readonly uses: KeyUseRecorder;

  constructor(private readonly deps: AuthenticateApiKeyDeps) {
    this.uses = new KeyUseRecorder(deps.keys);
  }

  // Lookup is by SHA-256 of the key, so no comparison of secrets happens here to leak timing.
  async execute(request: {
    /** The key as the client sent it; absent when it sent none. */
    readonly key: string | undefined;
    /** The client's address, to count failed attempts by; absent to count none. */
    readonly client?: string;
  }): Promise<AuthenticatedApiKey> {
    const { key: presented, client } = request;
    const failures = client === undefined ? undefined : this.failureCounter(client);
    if (failures !== undefined) await this.refuseIfOver(failures);
    const key =
      presented === undefined || presented === "" || presented.length > 512
        ? null
        : await this.deps.keys.findByHash(this.deps.hasher.hash(presented));
    const now = this.deps.clock.now();
    if (key === null || !isUsable(key, now)) {
      if (failures !== undefined) await this.deps.limiter.consume(failures.subject, [failures.window]);
      throw unauthorized();
    }
    if (!key.apiAccess) throw new DomainError("forbidden", "This account may not use the API.");
    await this.uses.record(key, now);
    return { ...toApiKeyView(key), rateLimitSubject: `key:${key.hash}` };
  }

  private failureCounter(client: string): { subject: string; window: RateWindow } {
    const window = minuteWindow(this.deps.clock.now(), this.deps.settings.authFailuresPerMinute);
    // The address is hashed: counters in a shared store never hold a client's IP.
    return { subject: `authfail:${this.deps.hasher.hash(client)}`, window };
  }

  private async refuseIfOver({ subject, window }: { subject: string; window: RateWindow }): Promise<void> {
    // A window of limit 0 refuses without counting (RateLimiter contract): it reads the failures so far.
    const [next = 1] = await this.deps.limiter.consume(subject, [{ ...window, limit: 0 }]);
    const decision = decide([window], [next], this.deps.clock.now());
    if (!decision.allowed) {
      throw new DomainError(
        "rate_limited",
        `Too many failed authentications from this address; retry in ${decision.resetSeconds} s.`,
        { retryAfterSeconds: decision.resetSeconds },
      );
    }
  }
}
