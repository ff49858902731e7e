import type { SessionStore } from "../../application/ports/session-store.js";
import type { DashboardSession } from "../../domain/session/dashboard-session.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** Sessions as JSON strings that Redis expires when their lifetime has passed (`PX`). */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async create(session: DashboardSession): Promise<void> {
    await guarded(() =>
      this.client.set(
        this.keys.session(session.id),
        encodeRecord(session),
        "PX",
        Math.max(1, session.expiresAt.getTime() - session.createdAt.getTime()),
      ),
    );
  }

  async find(id: string): Promise<DashboardSession | null> {
    return guarded(async () => {
      const text = await this.client.get(this.keys.session(id));
      return text === null ? null : decodeRecord<DashboardSession>(text, ["createdAt", "expiresAt"]);
    });
  }

  async delete(id: string): Promise<boolean> {
    return guarded(async () => (await this.client.del(this.keys.session(id))) === 1);
  }
}
