import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRestart, RESTART_BACKOFF } from "../../../../src/bootstrap/workers/restart-backoff.js";

const { firstMs, maxMs, steadyMs } = RESTART_BACKOFF;

describe("planRestart (a dead worker's replacement)", () => {
  it("restarts soon after the first death, then twice as late per quick death, up to the cap", () => {
    const delays: number[] = [];
    let streak = 0;
    for (let death = 0; death < 12; death++) {
      const plan = planRestart(streak, 1_000);
      delays.push(plan.delayMs);
      streak = plan.streak;
    }
    expect(delays.slice(0, 4)).toEqual([firstMs, 2 * firstMs, 4 * firstMs, 8 * firstMs]);
    expect(delays.at(-1)).toBe(maxMs);
  });

  it("starts a new streak when the dead worker had lived steadily", () => {
    expect(planRestart(9, steadyMs)).toEqual({ delayMs: firstMs, streak: 1 });
  });

  it("for every streak and lifetime: a delay from the first to the cap, never shorter for a longer quick streak", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.nat({ max: 10 * steadyMs }), (streak, livedMs) => {
        const plan = planRestart(streak, livedMs);
        expect(plan.delayMs).toBeGreaterThanOrEqual(firstMs);
        expect(plan.delayMs).toBeLessThanOrEqual(maxMs);
        expect(plan.streak).toBe(livedMs >= steadyMs ? 1 : streak + 1);
        if (livedMs < steadyMs)
          expect(planRestart(streak + 1, livedMs).delayMs).toBeGreaterThanOrEqual(plan.delayMs);
      }),
    );
  });
});
