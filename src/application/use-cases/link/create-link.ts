import { claimHostname } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import {
  checkExpiry,
  checkMaxClicks,
  LINK_ID_PREFIX,
  type Link,
  parseLinkPassword,
} from "../../../domain/link/link.js";
import { parseTags, parseTitle } from "../../../domain/link/link-metadata.js";
import { isValidSlug, parseSlug } from "../../../domain/link/slug.js";
import type { EventPublisher } from "../../ports/event-publisher.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock, CodeGenerator, IdGenerator, PasswordHasher } from "../../ports/technical.js";
import type { DestinationChecker } from "../../services/destination-checker.js";
import type { LinkDomainResolver } from "../../services/domain-resolver.js";
import { type AccessRequest, requireDomain, requireScope } from "../../services/key-access-guard.js";
import { checkLinkTargets, type LinkTargetsInput } from "../../services/link-targets.js";
import type { HexlinkSettings } from "../../settings.js";
import type { ShortUrls } from "../../short-urls.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";

export interface CreateLinkInput extends AccessRequest, LinkTargetsInput {
  readonly accountId: string;
  readonly url: string;
  readonly customSlug?: string;
  readonly domain?: string;
  readonly password?: string;
  readonly expiresAt?: Date | null;
  readonly maxClicks?: number | null;
  readonly title?: string | null;
  readonly tags?: readonly string[];
}

export interface CreateLinkDeps {
  readonly links: LinkRepository;
  readonly cache: LinkCache;
  readonly destinations: DestinationChecker;
  readonly linkDomains: LinkDomainResolver;
  readonly codes: CodeGenerator;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  readonly clock: Clock;
  readonly settings: HexlinkSettings;
  readonly urls: ShortUrls;
  /** Told of each link created (webhooks). */
  readonly events?: EventPublisher;
}

/**
 * Shortens a URL, on a custom slug or a random code.
 * @throws DomainError invalid_destination, destination_blocked, invalid_slug, slug_taken, invalid_domain,
 *   slug_generation_failed, invalid_request; forbidden without links:write or on a domain the key is not
 *   limited to (a domain-limited key's links go on its first domain when none is asked for)
 */
export class CreateLink {
  constructor(private readonly deps: CreateLinkDeps) {}

  async execute(input: CreateLinkInput): Promise<LinkView> {
    const draft = await this.draft(input);
    const link = draft.slug === "" ? await this.createWithCode(draft) : await this.createCustom(draft);
    // A redirect may have cached "no such link" for this slug just before.
    await this.deps.cache.invalidateLink(link.domain, link.slug);
    const view = toLinkView(link, this.deps.urls);
    await this.deps.events?.publish({
      type: "link.created",
      accountId: link.accountId,
      at: link.createdAt,
      link: view,
    });
    return view;
  }

  /**
   * The link `input` asks for, checked, not stored: its slug is the custom one, or empty for a random code.
   * Shared with the bulk create, which stores many drafts at once.
   * @throws DomainError as {@link execute}, but slug_taken and slug_generation_failed
   */
  async draft(input: CreateLinkInput): Promise<Link> {
    const { clock } = this.deps;
    requireScope(input.access, "links:write");
    const now = clock.now();
    const customSlug = input.customSlug === undefined ? undefined : parseSlug(input.customSlug);
    const expiresAt = checkExpiry(input.expiresAt ?? null, now);
    const maxClicks = checkMaxClicks(input.maxClicks ?? null);
    const domain = await this.deps.linkDomains.resolve(
      input.accountId,
      input.domain ?? this.keyDomain(input),
    );
    requireDomain(input.access, domain);
    const destination = await this.deps.destinations.check(input.url);
    const targets = await checkLinkTargets(this.deps.destinations, input);
    const passwordHash =
      input.password === undefined ? null : await this.deps.passwords.hash(parseLinkPassword(input.password));
    const draft: Link = {
      id: this.deps.ids.id(LINK_ID_PREFIX),
      accountId: input.accountId,
      domain,
      slug: customSlug ?? "",
      destination,
      status: "active",
      passwordHash,
      expiresAt,
      maxClicks,
      title: parseTitle(input.title ?? null),
      tags: parseTags(input.tags ?? []),
      clickCount: 0,
      createdAt: now,
      updatedAt: now,
      rules: targets.rules ?? [],
      variants: targets.variants ?? [],
    };
    return draft;
  }

  /** A domain-limited key's first domain (undefined for the default one, which may carry a port). */
  private keyDomain({ access }: CreateLinkInput): string | undefined {
    const first = access?.domains?.[0];
    return first === undefined || first === claimHostname(this.deps.settings.defaultDomain)
      ? undefined
      : first;
  }

  private async createCustom(link: Link): Promise<Link> {
    try {
      await this.deps.links.create(link);
      return link;
    } catch (error) {
      if (isDomainError(error) && error.code === "slug_taken") {
        throw new DomainError("slug_taken", `The custom slug '${link.slug}' is already taken.`);
      }
      throw error;
    }
  }

  // Random codes: a few tries at the configured length, then a few one character longer.
  private async createWithCode(draft: Link): Promise<Link> {
    const { codeLength, codeAttempts } = this.deps.settings;
    for (const length of [codeLength, codeLength + 1]) {
      for (let attempt = 0; attempt < codeAttempts; attempt++) {
        const slug = this.deps.codes.generate(length);
        if (!isValidSlug(slug)) continue;
        const link = { ...draft, slug };
        try {
          await this.deps.links.create(link);
          return link;
        } catch (error) {
          if (!(isDomainError(error) && error.code === "slug_taken")) throw error;
        }
      }
    }
    throw new DomainError("slug_generation_failed", "No free short code was found; try again.");
  }
}
