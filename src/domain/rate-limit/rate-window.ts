import type { RateLimits } from "../api-key/api-key.js";

export type WindowName = "second" | "hour" | "month" | "minute";

/** One fixed window that a request counts against: `id` names the window instance, unique per period. */
export interface RateWindow {
  readonly name: WindowName;
  readonly id: string;
  readonly limit: number;
  /** When this window instance ends. */
  readonly resetAt: Date;
}

/** The second, hour and calendar month (UTC) windows that `now` falls in, for API key quotas. */
export function apiKeyWindows(now: Date, limits: RateLimits): RateWindow[] {
  const ms = now.getTime();
  const second = Math.floor(ms / 1000);
  const hour = Math.floor(ms / 3_600_000);
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return [
    { name: "second", id: `s${second}`, limit: limits.perSecond, resetAt: new Date((second + 1) * 1000) },
    { name: "hour", id: `h${hour}`, limit: limits.perHour, resetAt: new Date((hour + 1) * 3_600_000) },
    {
      name: "month",
      id: `m${new Date(monthStart).toISOString().slice(0, 7)}`,
      limit: limits.perMonth,
      resetAt: new Date(nextMonth),
    },
  ];
}

/** A per-minute window, for wrong-password guesses. */
export function minuteWindow(now: Date, limit: number): RateWindow {
  const minute = Math.floor(now.getTime() / 60_000);
  return { name: "minute", id: `i${minute}`, limit, resetAt: new Date((minute + 1) * 60_000) };
}

/** What a consumption means for the caller: allowed or not, and the headers' figures. */
export interface RateDecision {
  readonly allowed: boolean;
  /** The window closest to its limit: its limit, what remains, and seconds until it resets. */
  readonly limit: number;
  readonly remaining: number;
  readonly resetSeconds: number;
  /** The window that refused, when one did. */
  readonly exceeded: WindowName | null;
}

/**
 * Turns per-window counts (including this request) into a decision. A request is allowed only when
 * every window is within its limit; when refused, the window that frees last sets `Retry-After`.
 */
export function decide(windows: readonly RateWindow[], counts: readonly number[], now: Date): RateDecision {
  const rows = windows.map((window, index) => {
    const count = counts[index] ?? 0;
    return { window, count, remaining: Math.max(0, window.limit - count) };
  });
  const over = rows.filter((row) => row.count > row.window.limit);
  const pool = over.length > 0 ? over : rows;
  const chosen = pool.reduce<(typeof rows)[number] | undefined>((best, row) => {
    if (best === undefined) return row;
    if (over.length > 0) return row.window.resetAt > best.window.resetAt ? row : best;
    return row.remaining < best.remaining ? row : best;
  }, undefined);
  if (chosen === undefined) return { allowed: true, limit: 0, remaining: 0, resetSeconds: 0, exceeded: null };
  return {
    allowed: over.length === 0,
    limit: chosen.window.limit,
    remaining: chosen.remaining,
    resetSeconds: Math.max(1, Math.ceil((chosen.window.resetAt.getTime() - now.getTime()) / 1000)),
    exceeded: over.length === 0 ? null : chosen.window.name,
  };
}
