import type { SessionStore } from "../../application/ports/session-store.js";
import type { DashboardSession } from "../../domain/session/dashboard-session.js";

/** Sessions in a Map; expired ones are dropped when met and swept as new ones arrive. */
export class InMemorySessionStore implements SessionStore {
  private readonly byId = new Map<string, { session: DashboardSession; until: number }>();

  async create(session: DashboardSession): Promise<void> {
    this.sweep();
    const lifetime = session.expiresAt.getTime() - session.createdAt.getTime();
    this.byId.set(session.id, { session: { ...session }, until: Date.now() + lifetime });
  }

  async find(id: string): Promise<DashboardSession | null> {
    const entry = this.byId.get(id);
    if (entry === undefined) return null;
    if (entry.until <= Date.now()) {
      this.byId.delete(id);
      return null;
    }
    return { ...entry.session };
  }

  async delete(id: string): Promise<boolean> {
    return this.byId.delete(id);
  }

  // Bounded work per sign-in: Map iteration is in insertion order, so the oldest sessions come first.
  private sweep(): void {
    const now = Date.now();
    let looked = 0;
    for (const [id, { until }] of this.byId) {
      if (++looked > 100) break;
      if (until <= now) this.byId.delete(id);
    }
  }
}
