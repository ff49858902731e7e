import { randomUUID } from "node:crypto";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import type { RedirectRule } from "../../domain/link/redirect-rules.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import { CLAIM_SLUG, RELEASE_SLUG } from "./link-scripts.js";
import type { RedisClient } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

/** A link hash as stored: the record, where it answers, and its click count. */
export interface StoredLink {
  readonly json: string;
  readonly loc: string;
  readonly clicks: number;
}

/**
 * A slug claim whose holder does not answer on it is left alone this long (ms) before another link may take
 * it: a slug change claims the new slug a moment before its record says so.
 */
export const STALE_CLAIM_MS = 10_000;

/**
 * The two halves of a link in Redis — its record under the id's hash tag, its slug claim under the
 * domain+slug's — and the rule that joins them: a link is visible only while both point at each other.
 */
export class RedisLinkRecords {
  constructor(
    readonly client: RedisClient,
    readonly keys: RedisKeys,
  ) {}

  async load(id: string): Promise<StoredLink | null> {
    const [json, loc, clicks] = await this.client.hmget(this.keys.link(id), "json", "loc", "clicks");
    return json == null || loc == null ? null : { json, loc, clicks: Number(clicks ?? 0) };
  }

  async holderOf(loc: string): Promise<string | null> {
    return this.client.hget(this.keys.slugAt(loc), "id");
  }

  /** The links with these ids that are visible, in order (null for the others). */
  async visible(ids: readonly string[]): Promise<(Link | null)[]> {
    const stored = await Promise.all(ids.map((id) => this.load(id)));
    const holders = await Promise.all(stored.map((s) => (s === null ? null : this.holderOf(s.loc))));
    return stored.map((s, index) => (s !== null && holders[index] === ids[index] ? toLink(s) : null));
  }

  /**
   * Claims `loc` for `id`, taking it over from a holder that left it stale. Returns the claim's token when this
   * call made the claim, or null when `id` held it already (then it is not this caller's to free).
   * @throws DomainError slug_taken
   */
  async claim(loc: string, id: string, slug: string): Promise<string | null> {
    const key = this.keys.slugAt(loc);
    const token = randomUUID();
    const reply = await CLAIM_SLUG.run(this.client, [key], [id, "", token]);
    if (!Array.isArray(reply)) return token;
    if (reply[0] === "ok") return reply[1] === "1" ? null : token;
    const [, holder, age] = reply.map(String);
    if (holder === undefined || Number(age) < STALE_CLAIM_MS) throw slugTaken(slug);
    const record = await this.load(holder);
    if (record !== null && record.loc === loc) throw slugTaken(slug);
    const retaken = await CLAIM_SLUG.run(this.client, [key], [id, holder, token]);
    if (Array.isArray(retaken) && retaken[0] !== "ok") throw slugTaken(slug);
    return token;
  }

  /** Frees `loc` if `id` holds it — and, given a token, only while the claim is still the one that token made. */
  async release(loc: string, id: string, token = ""): Promise<boolean> {
    return (await RELEASE_SLUG.run(this.client, [this.keys.slugAt(loc)], [id, token])) === 1;
  }
}

export function locOf(link: Pick<Link, "domain" | "slug">): string {
  return `${link.domain}/${link.slug}`;
}

/** The record part of a link (all but the click count). */
export function encodeLink(link: Link): string {
  const { clickCount: _, rules, variants, ...record } = link;
  // Rules and variants only when set: most links have none, and their records stay as they were.
  return encodeRecord({
    ...record,
    ...(rules.length === 0 ? {} : { rules }),
    ...(variants.length === 0 ? {} : { variants }),
  });
}

export function toLink(stored: StoredLink): Link {
  // Records written before titles, tags, rules and variants lack them.
  const { rules, variants, ...record } = decodeRecord<
    Omit<Link, "clickCount" | "title" | "tags" | "rules" | "variants"> &
      Partial<Pick<Link, "title" | "tags" | "rules" | "variants">>
  >(stored.json, ["expiresAt", "createdAt", "updatedAt"]);
  return {
    ...record,
    title: record.title ?? null,
    tags: record.tags ?? [],
    clickCount: stored.clicks,
    rules: revivedRules(rules),
    variants: variants ?? [],
  };
}

/** Rules as JSON gave them back, their `after` and `before` dates again. */
function revivedRules(rules: readonly RedirectRule[] | undefined): RedirectRule[] {
  if (rules === undefined) return [];
  return rules.map((rule) => {
    const { after, before } = rule.if as { after?: Date | string; before?: Date | string };
    if (after === undefined && before === undefined) return rule;
    return {
      url: rule.url,
      if: {
        ...rule.if,
        ...(after === undefined ? {} : { after: new Date(after) }),
        ...(before === undefined ? {} : { before: new Date(before) }),
      },
    };
  });
}

export function slugTaken(slug: string): DomainError {
  return new DomainError("slug_taken", `The custom slug '${slug}' is already taken.`);
}
