import "reflect-metadata";
import { container as rootContainer } from "tsyringe";
import { describe, expect, expectTypeOf, it } from "vitest";
import { SystemClock } from "../../../src/adapters/node/system-clock.js";
import type { LinkRepository } from "../../../src/application/ports/link-repository.js";
import type { Clock } from "../../../src/application/ports/technical.js";
import { registerFactory, registerValue, resolve, type Token, token } from "../../../src/bootstrap/token.js";
import { TOKENS } from "../../../src/bootstrap/tokens.js";

// The @ts-expect-error lines are the test: `npm run typecheck` fails if any of them compiles.
describe("typed container tokens", () => {
  it("resolve returns the type the token carries", () => {
    const c = rootContainer.createChildContainer();
    registerValue(c, TOKENS.clock, new SystemClock());
    const clock = resolve(c, TOKENS.clock);
    expectTypeOf(clock).toEqualTypeOf<Clock>();
    expect(clock.now()).toBeInstanceOf(Date);
  });

  it("refuses at compile time a value of another port's type", () => {
    const c = rootContainer.createChildContainer();
    // @ts-expect-error a Clock is no LinkRepository
    registerValue(c, TOKENS.links, new SystemClock());
    // @ts-expect-error a factory must build what its token holds
    registerFactory(c, TOKENS.links, (get) => get(TOKENS.clock));
    // @ts-expect-error one port's token does not stand for another's
    const wrong: Token<LinkRepository> = TOKENS.clock;
    expect(wrong).toBe(TOKENS.clock);
    expectTypeOf(TOKENS.links).not.toEqualTypeOf<Token<Clock>>();
  });

  it("names each token after what it holds, for tsyringe's errors", () => {
    expect(token<Clock>("Clock").description).toBe("Clock");
    expect(TOKENS.createLink.description).toBe("CreateLink");
  });
});
