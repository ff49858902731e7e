import { type ApiKey, effectiveLimits } from "../../../domain/api-key/api-key.js";
import { apiKeyWindows, decide, type RateDecision } from "../../../domain/rate-limit/rate-window.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { Clock } from "../../ports/technical.js";
import type { HexlinkSettings } from "../../settings.js";

/** Counts one API request against the key's second, hour and month windows. */
export class ConsumeRateLimit {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly settings: HexlinkSettings,
  ) {}

  /** The decision, with the figures for the X-RateLimit headers. Callers map a refusal by `exceeded`. */
  async execute(key: ApiKey): Promise<RateDecision> {
    const now = this.clock.now();
    const windows = apiKeyWindows(now, effectiveLimits(key, this.settings.rateLimits));
    // By the key's hash, not its id: instances with separate stores seed one key under different ids.
    const counts = await this.limiter.consume(`key:${key.hash}`, windows);
    return decide(windows, counts, now);
  }
}
