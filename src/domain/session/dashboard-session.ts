/**
 * A signed-in dashboard visitor. `id` is the SHA-256 of the token in the browser's cookie: a stolen store
 * yields no usable session. The API key that signed in is kept by id only, so revoking it ends the session.
 */
export interface DashboardSession {
  readonly id: string;
  readonly accountId: string;
  readonly keyId: string;
  /** Every form of the session carries it; a post without it is refused. */
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Sessions end 12 hours after sign-in (spec §12), whatever the activity. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function isSessionLive(session: DashboardSession, now: Date): boolean {
  return session.expiresAt.getTime() > now.getTime();
}
