import type { ClickStore } from "../../ports/click-store.js";
import type { EventPublisher } from "../../ports/event-publisher.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock } from "../../ports/technical.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import { findOwnedLink, linkNotFound } from "../../services/owned-link.js";

/** Deletes a link for good: its slug is freed and its clicks are forgotten. @throws DomainError link_not_found, forbidden */
export class DeleteLink {
  constructor(
    private readonly links: LinkRepository,
    private readonly cache: LinkCache,
    private readonly clicks: ClickStore,
    /** Told of each link deleted (webhooks), with the clock that dates it. */
    private readonly events?: { readonly publisher: EventPublisher; readonly clock: Clock },
  ) {}

  async execute({
    accountId,
    id,
    access,
  }: { readonly accountId: string; readonly id: string } & AccessRequest): Promise<void> {
    requireScope(access, "links:write");
    const link = await findOwnedLink(this.links, accountId, id, access);
    if (!(await this.links.delete(link.id))) throw linkNotFound();
    await this.cache.invalidateLink(link.domain, link.slug);
    await this.clicks.deleteLink(link.id);
    if (this.events === undefined) return;
    const { publisher, clock } = this.events;
    await publisher.publish({ type: "link.deleted", accountId, at: clock.now(), linkId: link.id });
  }
}
