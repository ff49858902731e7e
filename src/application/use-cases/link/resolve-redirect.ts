import { withForwardedQuery } from "../../../domain/link/destination.js";
import { normaliseHost } from "../../../domain/link/hostname.js";
import { isGone, type Link } from "../../../domain/link/link.js";
import { decide, minuteWindow } from "../../../domain/rate-limit/rate-window.js";
import type { ClickSink } from "../../ports/click-sink.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { Clock, KeyHasher, PasswordHasher } from "../../ports/technical.js";
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
  | { readonly kind: "redirect"; readonly location: string; readonly link: Link }
  | { readonly kind: "password_required"; readonly link: Link }
  | { readonly kind: "wrong_password"; readonly link: Link }
  | { readonly kind: "too_many_attempts"; readonly retryAfterSeconds: number }
  | { readonly kind: "not_found" }
  | { readonly kind: "gone" };

export interface ResolveRedirectDeps {
  readonly links: LinkRepository;
  readonly domains: DomainRepository;
  readonly cache: LinkCache;
  readonly passwords: PasswordHasher;
  readonly limiter: RateLimiter;
  readonly keyHasher: KeyHasher;
  readonly clicks: ClickSink;
  readonly clock: Clock;
  readonly settings: HexlinkSettings;
}

/** Host + slug (+ password) → where to send the visitor. Records a click on every redirect. */
export class ResolveRedirect {
  private readonly defaultDomain: { readonly domain: string; readonly owner: null };

  constructor(private readonly deps: ResolveRedirectDeps) {
    this.defaultDomain = { domain: deps.settings.defaultDomain, owner: null };
  }

  async execute(request: RedirectRequest): Promise<RedirectOutcome> {
    const { domain, owner } = await this.domainOf(request.host);
    const link = await this.findLink(domain, request.slug);
    // A custom domain's links answer only while their account owns it: a hostname deleted and then
    // registered by another account must not serve the first account's links.
    if (link === null || link.status === "disabled" || (owner !== null && link.accountId !== owner)) {
      return { kind: "not_found" };
    }
    const now = this.deps.clock.now();
    if (isGone(link, now)) return { kind: "gone" };
    if (link.passwordHash !== null) {
      const denied = await this.checkPassword(link, link.passwordHash, request, now);
      if (denied !== null) return denied;
    }
    if (link.maxClicks !== null) {
      // The stored budget decides, not this copy's: a cached copy may predate a lowered max_clicks.
      const count = await this.deps.links.consumeClick(link.id);
      // The cached copy keeps its old click count: drop it once the budget is spent, or a password-protected
      // link would go on asking for its password instead of answering gone.
      if (count === null || count >= link.maxClicks) await this.deps.cache.invalidateLink(domain, link.slug);
      if (count === null) return { kind: "gone" };
    }
    this.deps.clicks.record({
      linkId: link.id,
      at: now,
      ip: request.ip,
      userAgent: request.userAgent,
      referrer: request.referrer,
      headers: request.headers,
    });
    return { kind: "redirect", location: withForwardedQuery(link.destination, request.query), link };
  }

  /** The link a request for (host, slug) answers with, without following it (QR codes). */
  async findByHost(host: string, slug: string): Promise<Link | null> {
    const { domain, owner } = await this.domainOf(host);
    const link = await this.findLink(domain, slug);
    return link !== null && (owner === null || link.accountId === owner) ? link : null;
  }

  private async checkPassword(
    link: Link,
    hash: string,
    request: RedirectRequest,
    now: Date,
  ): Promise<RedirectOutcome | null> {
    if (request.password === undefined) return { kind: "password_required", link };
    // Every guess counts, so a right guess after the limit is refused too: no oracle for brute force.
    const window = minuteWindow(now, this.deps.settings.passwordAttemptsPerMinute);
    const subject = `pw:${link.id}:${this.deps.keyHasher.hash(request.ip)}`;
    const decision = decide([window], await this.deps.limiter.consume(subject, [window]), now);
    if (!decision.allowed) return { kind: "too_many_attempts", retryAfterSeconds: decision.resetSeconds };
    return (await this.deps.passwords.verify(request.password, hash))
      ? null
      : { kind: "wrong_password", link };
  }

  private async findLink(domain: string, slug: string): Promise<Link | null> {
    const cached = this.deps.cache.getLink(domain, slug);
    if (cached !== undefined) return cached;
    const link = await this.deps.links.findBySlug(domain, slug);
    this.deps.cache.setLink(domain, slug, link);
    return link;
  }

  // A Host that is no active custom domain resolves against the default domain (spec §6).
  // The cache keeps "<owner>\n<domain>" per host; the owner is empty for the default domain.
  private async domainOf(rawHost: string): Promise<{ domain: string; owner: string | null }> {
    // Most requests carry the default domain exactly as configured: skip normalising it.
    if (rawHost === this.deps.settings.defaultDomain) return this.defaultDomain;
    const host = normaliseHost(rawHost);
    const fallback = this.defaultDomain;
    if (host === fallback.domain) return fallback;
    const cached = this.deps.cache.getHost(host);
    if (cached !== undefined) {
      const at = cached.indexOf("\n");
      return at <= 0 ? fallback : { domain: cached.slice(at + 1), owner: cached.slice(0, at) };
    }
    const custom = await this.deps.domains.findByHostname(host);
    const active = custom !== null && custom.status === "active";
    this.deps.cache.setHost(host, active ? `${custom.accountId}\n${host}` : `\n${fallback.domain}`);
    return active ? { domain: host, owner: custom.accountId } : fallback;
  }
}
