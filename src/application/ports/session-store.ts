import type { DashboardSession } from "../../domain/session/dashboard-session.js";

/** Dashboard sessions, shared by every instance on one store. */
export interface SessionStore {
  /**
   * Stores a new session and forgets it by itself once its lifetime (`expiresAt - createdAt`) has passed on the
   * store's own clock. The use cases judge `expiresAt` on theirs, which a test may have moved.
   */
  create(session: DashboardSession): Promise<void>;
  /** The session with this id while its lifetime lasts, else null. */
  find(id: string): Promise<DashboardSession | null>;
  /** Forgets a session; false when there was none. */
  delete(id: string): Promise<boolean>;
}
