import type { NamedCount } from "../click/click-counts.js";
import type { RedirectTarget } from "./redirect-target.js";

/** Clicks of one target of a link; `url` null for a target the link no longer has (or the page hides). */
export interface TargetCount {
  readonly name: string;
  readonly url: string | null;
  readonly clicks: number;
}

/**
 * Clicks per target: every target the link has now (with 0 when it had none), and every other name clicks were
 * counted under (a rule since removed, `Other`) with a null `url`. Sorted by clicks, descending; ties keep the
 * link's order (rules, then variants or default), then names.
 */
export function targetCounts(
  targets: readonly RedirectTarget[],
  counted: readonly NamedCount[],
): TargetCount[] {
  const clicks = new Map(counted.map((entry) => [entry.name, entry.clicks]));
  const known = new Set<string>(targets.map((target) => target.name));
  const rows: TargetCount[] = [
    ...targets.map((target) => ({
      name: target.name,
      url: target.url,
      clicks: clicks.get(target.name) ?? 0,
    })),
    ...counted
      .filter((entry) => !known.has(entry.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((entry) => ({ name: entry.name, url: null, clicks: entry.clicks })),
  ];
  // Array.prototype.sort is stable: equal clicks keep the order built above.
  return rows.sort((a, b) => b.clicks - a.clicks);
}
