import { DomainError } from "../../../domain/errors/domain-error.js";
import { decide, minuteWindow } from "../../../domain/rate-limit/rate-window.js";
import { type DashboardSession, SESSION_LIFETIME_MS } from "../../../domain/session/dashboard-session.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { SessionStore } from "../../ports/session-store.js";
import type { Clock, IdGenerator, KeyHasher } from "../../ports/technical.js";
import type { HexlinkSettings } from "../../settings.js";
import type { AuthenticateApiKey } from "../api-key/authenticate-api-key.js";

/** A new session: the token for the browser's cookie (shown once, stored only hashed) and its CSRF token. */
export interface StartedDashboardSession {
  readonly token: string;
  readonly accountId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface StartDashboardSessionDeps {
  readonly authenticate: Pick<AuthenticateApiKey, "execute">;
  readonly sessions: SessionStore;
  readonly limiter: RateLimiter;
  readonly ids: IdGenerator;
  readonly hasher: KeyHasher;
  readonly clock: Clock;
  readonly settings: HexlinkSettings;
}

/**
 * Signs in to the dashboard with an API key. Attempts are counted per client address, right keys included,
 * on top of the failed-authentication limit every API key check has. A session the browser held already is
 * ended: each sign-in gets a new token (no fixation).
 * @throws DomainError unauthorized, forbidden, rate_limited
 */
export class StartDashboardSession {
  constructor(private readonly deps: StartDashboardSessionDeps) {}

  async execute(request: {
    readonly key: string;
    readonly client: string;
    /** The session token the browser still sent, if any. */
    readonly previousToken?: string;
  }): Promise<StartedDashboardSession> {
    const { deps } = this;
    await this.countAttempt(request.client);
    const apiKey = await deps.authenticate.execute({ key: request.key, client: request.client });
    if (request.previousToken !== undefined && request.previousToken !== "")
      await deps.sessions.delete(deps.hasher.hash(request.previousToken));
    const token = deps.ids.secret();
    const now = deps.clock.now();
    const session: DashboardSession = {
      id: deps.hasher.hash(token),
      accountId: apiKey.accountId,
      keyId: apiKey.id,
      csrfToken: deps.ids.secret(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    };
    await deps.sessions.create(session);
    return {
      token,
      accountId: session.accountId,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  }

  private async countAttempt(client: string): Promise<void> {
    const { deps } = this;
    const now = deps.clock.now();
    const window = minuteWindow(now, deps.settings.signInsPerMinute);
    const counts = await deps.limiter.consume(`signin:${deps.hasher.hash(client)}`, [window]);
    const decision = decide([window], counts, now);
    if (!decision.allowed) {
      throw new DomainError(
        "rate_limited",
        `Too many sign-in attempts from this address; retry in ${decision.resetSeconds} s.`,
        { retryAfterSeconds: decision.resetSeconds },
      );
    }
  }
}
