import type { Collection } from "mongodb";
import type { SessionStore } from "../../application/ports/session-store.js";
import type { DashboardSession } from "../../domain/session/dashboard-session.js";
import { mongoCall } from "./mongo-call.js";

/** A dashboard session in the `dashboard_sessions` collection, its id as `_id`. */
export interface SessionDocument {
  _id: string;
  accountId: string;
  keyId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Sessions removed by a TTL index on `expiresAt`. Its monitor runs about once a minute, so reads also skip
 * sessions already past their end.
 */
export class MongoSessionStore implements SessionStore {
  constructor(private readonly sessions: Collection<SessionDocument>) {}

  async create(session: DashboardSession): Promise<void> {
    const { id, ...rest } = session;
    await mongoCall(() => this.sessions.insertOne({ _id: id, ...rest }));
  }

  async find(id: string): Promise<DashboardSession | null> {
    const document = await mongoCall(() =>
      this.sessions.findOne({ _id: { $eq: id }, expiresAt: { $gt: new Date() } }),
    );
    if (document === null) return null;
    const { _id, ...rest } = document;
    return { id: _id, ...rest };
  }

  async delete(id: string): Promise<boolean> {
    const result = await mongoCall(() => this.sessions.deleteOne({ _id: { $eq: id } }));
    return result.deletedCount === 1;
  }
}
