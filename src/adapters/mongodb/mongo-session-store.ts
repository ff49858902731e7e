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
  /** When MongoDB deletes it: its lifetime after it was stored, on the server side's clock. */
  purgeAt: Date;
}

/**
 * Sessions removed by a TTL index on `purgeAt`. Its monitor runs about once a minute, so reads also skip
 * sessions already past it.
 */
export class MongoSessionStore implements SessionStore {
  constructor(private readonly sessions: Collection<SessionDocument>) {}

  async create(session: DashboardSession): Promise<void> {
    const { id, ...rest } = session;
    const purgeAt = new Date(Date.now() + (session.expiresAt.getTime() - session.createdAt.getTime()));
    await mongoCall(() => this.sessions.insertOne({ _id: id, ...rest, purgeAt }));
  }

  async find(id: string): Promise<DashboardSession | null> {
    const document = await mongoCall(() =>
      this.sessions.findOne({ _id: { $eq: id }, purgeAt: { $gt: new Date() } }),
    );
    if (document === null) return null;
    const { _id, purgeAt: _purgeAt, ...rest } = document;
    return { id: _id, ...rest };
  }

  async delete(id: string): Promise<boolean> {
    const result = await mongoCall(() => this.sessions.deleteOne({ _id: { $eq: id } }));
    return result.deletedCount === 1;
  }
}
