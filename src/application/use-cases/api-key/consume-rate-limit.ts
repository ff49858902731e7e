import { effectiveLimits } from "../../../domain/api-key/api-key.js";
import { apiKeyWindows, decide, type RateDecision } from "../../../domain/rate-limit/rate-window.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { Clock } from "../../ports/technical.js";
import type { HexlinkSettings } from "../../settings.js";
import type { AuthenticatedApiKey } from "./authenticate-api-key.js";

/** Counts one API request against the key's second, hour and month windows. */
export class ConsumeRateLimit {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly settings: HexlinkSettings,
  ) {}

  /** The decision, with the figures for the X-RateLimit headers. Callers map a refusal by `exceeded`. */
  async execute({
    apiKey,
  }: {
    readonly apiKey: Pick<AuthenticatedApiKey, "limits" | "rateLimitSubject">;
  }): Promise<RateDecision> {
    const now = this.clock.now();
    const windows = apiKeyWindows(now, effectiveLimits(apiKey, this.settings.rateLimits));
    // By the key's hash, not its id: instances with separate stores seed one key under different ids.
    const counts = await this.limiter.consume(apiKey.rateLimitSubject, windows);
    return decide(windows, counts, now);
  }
}
