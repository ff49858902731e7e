import type { SessionStore } from "../../application/ports/session-store.js";
import type { DashboardSession } from "../../domain/session/dashboard-session.js";

/** Sessions in a Map; expired ones are dropped when met and swept as new ones arrive. */
export class InMemorySessionStore implements SessionStore {
  private readonly byId = new Map<string, DashboardSession>();

  async create(session: DashboardSession): Promise<void> {
    this.sweep();
    this.byId.set(session.id, { ...session });
  }

  async find(id: string): Promise<DashboardSession | null> {
    const session = this.byId.get(id);
    if (session === undefined) return null;
    if (session.expiresAt.getTime() <= Date.now()) {
      this.byId.delete(id);
      return null;
    }
    return { ...session };
  }

  async delete(id: string): Promise<boolean> {
    return this.byId.delete(id);
  }

  // Bounded work per sign-in: Map iteration is in insertion order, so the oldest sessions come first.
  private sweep(): void {
    const now = Date.now();
    let looked = 0;
    for (const [id, session] of this.byId) {
      if (++looked > 100) break;
      if (session.expiresAt.getTime() <= now) this.byId.delete(id);
    }
  }
}
