import { DEFAULT_TARGET } from "../../../domain/click/click.js";
import { withForwardedQuery } from "../../../domain/link/destination.js";
import { isGone, type Link } from "../../../domain/link/link.js";
import { chooseTarget, hasOneTarget } from "../../../domain/link/redirect-target.js";
import { decide, minuteWindow } from "../../../domain/rate-limit/rate-window.js";
import type { ClickSink } from "../../ports/click-sink.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { Clock, KeyHasher, PasswordHasher } from "../../ports/technical.js";
import type { ClassificationPorts } from "../../services/hit-classifier.js";
import type { ServedLinks } from "../../services/served-links.js";
import { VisitFacts } from "../../services/visit-facts.js";
import type { HexlinkSettings } from "../../settings.js";

export interface RedirectRequest {
  /** The request's `Host` header. */
  readonly host: string;
  readonly slug: string;
  /** The short URL's query string, without `?`; appended to the destination's. */
  readonly query: string;
  /** Given when the visitor submitted the password form. */
  readonly password?: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly referrer: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Every normal outcome of following a short link; none of them is an error. */
export type RedirectOutcome =
  | {
      readonly kind: "redirect";
      readonly location: string;
      readonly linkId: string;
      /**
       * True when the link has an expiry or a click budget, or rules or variants (its target depends on the
       * visit), so a browser must not keep the redirect.
       */
      readonly mayStop: boolean;
    }
  | { readonly kind: "password_required"; readonly linkId: string }
  | { readonly kind: "wrong_password"; readonly linkId: string }
  | { readonly kind: "too_many_attempts"; readonly retryAfterSeconds: number }
  | { readonly kind: "not_found" }
  | { readonly kind: "gone" };

export interface ResolveRedirectDeps {
  readonly served: ServedLinks;
  readonly links: LinkRepository;
  readonly cache: LinkCache;
  readonly passwords: PasswordHasher;
  readonly limiter: RateLimiter;
  readonly keyHasher: KeyHasher;
  readonly clicks: ClickSink;
  /** Classifies a visit when its link has rules or variants (never for a plain link). */
  readonly visits: ClassificationPorts;
  readonly clock: Clock;
  readonly settings: HexlinkSettings;
}

/** Host + slug (+ password) → where to send the visitor. Records a click on every redirect. */
export class ResolveRedirect {
  constructor(private readonly deps: ResolveRedirectDeps) {}

  async execute(request: RedirectRequest): Promise<RedirectOutcome> {
    return this.executeCached(request) ?? (await this.resolve(request));
  }

  /**
   * The outcome without waiting, when the link cache alone decides it (a cached link with no password and no
   * click budget, or cached as absent); `undefined` when {@link execute} must be awaited. The redirect hot path
   * then costs no promise.
   */
  executeCached(request: RedirectRequest): RedirectOutcome | undefined {
    const link = this.deps.served.cachedLink(request.host, request.slug);
    if (link === undefined) return undefined;
    if (link === null || link.status === "disabled") return { kind: "not_found" };
    const now = this.deps.clock.now();
    if (isGone(link, now)) return { kind: "gone" };
    if (link.passwordHash !== null || link.maxClicks !== null) return undefined;
    return this.redirect(link, request, now);
  }

  private async resolve(request: RedirectRequest): Promise<RedirectOutcome> {
    const { link } = await this.deps.served.find(request.host, request.slug);
    if (link === null || link.status === "disabled") return { kind: "not_found" };
    const now = this.deps.clock.now();
    if (isGone(link, now)) return { kind: "gone" };
    if (link.passwordHash !== null) {
      const denied = await this.guardPassword(link, link.passwordHash, request, now);
      if (denied !== null) return denied;
    }
    if (link.maxClicks !== null) {
      // The stored budget decides, not this copy's: a cached copy may predate a lowered max_clicks.
      const count = await this.deps.links.consumeClick(link.id);
      // The cached copy keeps its old click count: drop it once the budget is spent, or a password-protected
      // link would go on asking for its password instead of answering gone.
      if (count === null || count >= link.maxClicks)
        await this.deps.cache.invalidateLink(link.domain, link.slug);
      if (count === null) return { kind: "gone" };
    }
    return this.redirect(link, request, now);
  }

  private redirect(link: Link, request: RedirectRequest, now: Date): RedirectOutcome {
    // A plain link pays one check: no visit is classified, no object made.
    const target = hasOneTarget(link)
      ? null
      : chooseTarget(link, new VisitFacts(this.deps.visits, request, now));
    this.deps.clicks.record({
      linkId: link.id,
      owner: { accountId: link.accountId, domain: link.domain, tags: link.tags },
      at: now,
      ip: request.ip,
      userAgent: request.userAgent,
      referrer: request.referrer,
      headers: request.headers,
      target: target?.name ?? DEFAULT_TARGET,
    });
    return {
      kind: "redirect",
      location: withForwardedQuery(target?.url ?? link.destination, request.query),
      linkId: link.id,
      mayStop: link.maxClicks !== null || link.expiresAt !== null || target !== null,
    };
  }

  /** Spends one password guess of this link and client; `null` when the guess is right and allowed. */
  private async guardPassword(
    link: Link,
    hash: string,
    request: RedirectRequest,
    now: Date,
  ): Promise<RedirectOutcome | null> {
    if (request.password === undefined) return { kind: "password_required", linkId: link.id };
    // Every guess counts, so a right guess after the limit is refused too: no oracle for brute force.
    const window = minuteWindow(now, this.deps.settings.passwordAttemptsPerMinute);
    const subject = `pw:${link.id}:${this.deps.keyHasher.hash(request.ip)}`;
    const decision = decide([window], await this.deps.limiter.consume(subject, [window]), now);
    if (!decision.allowed) return { kind: "too_many_attempts", retryAfterSeconds: decision.resetSeconds };
    return (await this.deps.passwords.verify(request.password, hash))
      ? null
      : { kind: "wrong_password", linkId: link.id };
  }
}
