// The team's own RateLimiter adapter, checked by hexlink's contract suite from hexlink/testing.
import type { RateLimiter, RateWindow } from "hexlink";
import { InMemoryRateLimiter } from "hexlink/memory";
import { rateLimiterContract } from "hexlink/testing";

/** Counts under the team's own key prefix, in a limiter of its own. */
class TeamRateLimiter implements RateLimiter {
  private readonly inner = new InMemoryRateLimiter();
  consume(subject: string, windows: readonly RateWindow[]): Promise<number[]> {
    return this.inner.consume(`team:${subject}`, windows);
  }
}

rateLimiterContract("TeamRateLimiter", { make: async () => new TeamRateLimiter(), numRuns: 10 });
