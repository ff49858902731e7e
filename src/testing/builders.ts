import { expect } from "vitest";
import type { ApiKey } from "../domain/api-key/api-key.js";
import { type ApiKeyScope, FULL_ACCESS } from "../domain/api-key/key-access.js";
import type { CustomDomain } from "../domain/custom-domain/custom-domain.js";
import type { ErrorCode } from "../domain/errors/domain-error.js";
import type { Link, LinkStatus } from "../domain/link/link.js";
import { DEFAULT_NOW } from "./manual-clock.js";

const at = (value: Date | string): Date => new Date(value);

/** A plain data builder: each `with…` returns a builder with one more field set. */
class Builder<T extends object> {
  constructor(protected readonly props: T) {}

  with<K extends keyof T>(key: K, value: T[K]): this {
    const Self = this.constructor as new (props: T) => this;
    return new Self({ ...this.props, [key]: value });
  }

  build(): T {
    return { ...this.props };
  }
}

export class LinkBuilder extends Builder<Link> {
  withId(id: string): this {
    return this.with("id", id);
  }
  withSlug(slug: string): this {
    return this.with("slug", slug);
  }
  ownedBy(accountId: string): this {
    return this.with("accountId", accountId);
  }
  onDomain(domain: string): this {
    return this.with("domain", domain);
  }
  to(destination: string): this {
    return this.with("destination", destination);
  }
  withStatus(status: LinkStatus): this {
    return this.with("status", status);
  }
  disabled(): this {
    return this.withStatus("disabled");
  }
  withPasswordHash(hash: string | null): this {
    return this.with("passwordHash", hash);
  }
  expiringAt(expiresAt: Date | string | null): this {
    return this.with("expiresAt", expiresAt === null ? null : at(expiresAt));
  }
  withMaxClicks(maxClicks: number | null): this {
    return this.with("maxClicks", maxClicks);
  }
  titled(title: string | null): this {
    return this.with("title", title);
  }
  taggedWith(...tags: string[]): this {
    return this.with("tags", tags);
  }
  withClickCount(clickCount: number): this {
    return this.with("clickCount", clickCount);
  }
  createdAt(createdAt: Date | string): this {
    return this.with("createdAt", at(createdAt)).with("updatedAt", at(createdAt));
  }
  withRules(rules: Link["rules"]): this {
    return this.with("rules", rules);
  }
  withVariants(variants: Link["variants"]): this {
    return this.with("variants", variants);
  }
}

/** An active link with no password, expiry or click budget, created at {@link DEFAULT_NOW}. */
export function aLink(): LinkBuilder {
  return new LinkBuilder({
    id: "lnk_AAAAAAAAAAAAAAAAAAAAA",
    accountId: "acme",
    domain: "sho.rt",
    slug: "promo",
    destination: "https://example.com/landing",
    status: "active",
    passwordHash: null,
    expiresAt: null,
    maxClicks: null,
    title: null,
    tags: [],
    clickCount: 0,
    createdAt: at(DEFAULT_NOW),
    updatedAt: at(DEFAULT_NOW),
    rules: [],
    variants: [],
  });
}

export class CustomDomainBuilder extends Builder<CustomDomain> {
  withHostname(hostname: string): this {
    return this.with("hostname", hostname);
  }
  ownedBy(accountId: string): this {
    return this.with("accountId", accountId);
  }
  withToken(token: string): this {
    return this.with("verificationToken", token);
  }
  active(verifiedAt: Date | string = DEFAULT_NOW): this {
    return this.with("status", "active").with("verifiedAt", at(verifiedAt));
  }
}

/** A pending custom domain `links.acme.test` of account `acme`. */
export function aCustomDomain(): CustomDomainBuilder {
  return new CustomDomainBuilder({
    hostname: "links.acme.test",
    accountId: "acme",
    status: "pending",
    verificationToken: "token-123",
    createdAt: at(DEFAULT_NOW),
    verifiedAt: null,
  });
}

export class ApiKeyBuilder extends Builder<ApiKey> {
  withId(id: string): this {
    return this.with("id", id);
  }
  ownedBy(accountId: string): this {
    return this.with("accountId", accountId);
  }
  withHash(hash: string): this {
    return this.with("hash", hash);
  }
  revoked(revokedAt: Date | string = DEFAULT_NOW): this {
    return this.with("revokedAt", at(revokedAt));
  }
  withoutApiAccess(): this {
    return this.with("apiAccess", false);
  }
  withLimits(limits: ApiKey["limits"]): this {
    return this.with("limits", limits);
  }
  withScopes(...scopes: ApiKeyScope[]): this {
    return this.with("scopes", scopes);
  }
  limitedTo(...domains: string[]): this {
    return this.with("domains", domains);
  }
  expiring(expiresAt: Date | string): this {
    return this.with("expiresAt", at(expiresAt));
  }
  lastUsed(lastUsedAt: Date | string): this {
    return this.with("lastUsedAt", at(lastUsedAt));
  }
}

/** A usable key of account `acme` with API access, every scope, no domain limit, expiry or limit overrides. */
export function anApiKey(): ApiKeyBuilder {
  return new ApiKeyBuilder({
    id: "key_AAAAAAAAAAAAAAAAAAAAA",
    accountId: "acme",
    hash: "0".repeat(64),
    createdAt: at(DEFAULT_NOW),
    revokedAt: null,
    apiAccess: true,
    limits: null,
    scopes: [...FULL_ACCESS.scopes],
    domains: null,
    expiresAt: null,
    lastUsedAt: null,
  });
}

/** What a thrown DomainError with this code (and, when given, this exact message) looks like. */
export function aDomainError(code: ErrorCode, message?: string) {
  return expect.objectContaining({
    name: "DomainError",
    code,
    ...(message === undefined ? {} : { message }),
  });
}
