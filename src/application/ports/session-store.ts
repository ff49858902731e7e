import type { DashboardSession } from "../../domain/session/dashboard-session.js";

/** Dashboard sessions, shared by every instance on one store. */
export interface SessionStore {
  /** Stores a new session; the store forgets it by itself once `expiresAt` has passed. */
  create(session: DashboardSession): Promise<void>;
  /** The session with this id while its `expiresAt` is ahead of the store's clock, else null. */
  find(id: string): Promise<DashboardSession | null>;
  /** Forgets a session; false when there was none. */
  delete(id: string): Promise<boolean>;
}
