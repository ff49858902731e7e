import type { SessionStore } from "../../ports/session-store.js";
import type { KeyHasher } from "../../ports/technical.js";

/** Signs out: the session is deleted from the store, so its cookie stops working on every instance. */
export class EndDashboardSession {
  constructor(
    private readonly sessions: SessionStore,
    private readonly hasher: KeyHasher,
  ) {}

  async execute({ token }: { readonly token: string | undefined }): Promise<void> {
    if (token === undefined || token === "" || token.length > 256) return;
    await this.sessions.delete(this.hasher.hash(token));
  }
}
