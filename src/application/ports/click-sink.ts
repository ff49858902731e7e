import type { ClickOwner } from "../../domain/click/click.js";

/** One successful redirect, as the redirect path saw it. Handed off without waiting. */
export interface RedirectHit {
  readonly linkId: string;
  /** Whose the link is (account, domain, tags): its clicks also count there. Absent: the link's counts only. */
  readonly owner?: ClickOwner;
  readonly at: Date;
  readonly ip: string;
  readonly userAgent: string;
  readonly referrer: string;
  /** Request headers, for CDN country headers when the proxy is trusted. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Which of the link's targets the visitor was sent to: `default`, `rule:<n>` or `variant:<n>` (spec §8). */
  readonly target: string;
}

/** Where redirects report their clicks. Must return at once: the redirect never waits for analytics. */
export interface ClickSink {
  record(hit: RedirectHit): void;
}
