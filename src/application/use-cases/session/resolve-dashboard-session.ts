import { isUsable } from "../../../domain/api-key/api-key.js";
import type { KeyAccess } from "../../../domain/api-key/key-access.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { isSessionLive } from "../../../domain/session/dashboard-session.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { SessionStore } from "../../ports/session-store.js";
import type { Clock, KeyHasher } from "../../ports/technical.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

/** Who a dashboard request acts for: the account, the key that signed in, and the session's CSRF token. */
export interface DashboardPrincipal {
  readonly accountId: string;
  readonly apiKey: ApiKeyView;
  /** The signed-in key's scopes and domains: the dashboard may do what the key may, no more. */
  readonly access: KeyAccess;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

const signedOut = () => new DomainError("unauthorized", "Sign in to continue.");

/**
 * The live session a browser's token names. The key that signed in is read on every request, so revoking it
 * (on any instance) ends its sessions at once; such a session is deleted.
 * @throws DomainError unauthorized
 */
export class ResolveDashboardSession {
  constructor(
    private readonly sessions: SessionStore,
    private readonly keys: ApiKeyRepository,
    private readonly hasher: KeyHasher,
    private readonly clock: Clock,
  ) {}

  async execute({ token }: { readonly token: string | undefined }): Promise<DashboardPrincipal> {
    if (token === undefined || token === "" || token.length > 256) throw signedOut();
    const id = this.hasher.hash(token);
    const session = await this.sessions.find(id);
    if (session === null) throw signedOut();
    const key = await this.keys.findById(session.keyId);
    const now = this.clock.now();
    const keyHolds =
      key !== null && isUsable(key, now) && key.apiAccess && key.accountId === session.accountId;
    if (!keyHolds || !isSessionLive(session, now)) {
      await this.sessions.delete(id);
      throw signedOut();
    }
    return {
      accountId: session.accountId,
      apiKey: toApiKeyView(key),
      access: { scopes: key.scopes, domains: key.domains },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  }
}
