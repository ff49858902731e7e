import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NanoidCodeGenerator } from "../../../../src/adapters/node/nanoid-code-generator.js";
import { isDomainError } from "../../../../src/domain/errors/domain-error.js";
import { buildCore } from "../../../support/core.js";

const ALPHABET = "ab";

/** Every code of `length` characters over the alphabet. */
function allCodes(length: number): string[] {
  if (length === 0) return [""];
  return allCodes(length - 1).flatMap((prefix) => [...ALPHABET].map((c) => prefix + c));
}

const SPACE = [...allCodes(3), ...allCodes(4)];

describe("code generation (property)", () => {
  it("never returns a slug in use, even when the space is nearly full", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(SPACE, { minLength: Math.floor(SPACE.length * 0.6) }),
        fc.integer({ min: 1, max: 4 }),
        async (taken, codeAttempts) => {
          const core = buildCore({
            codes: new NanoidCodeGenerator(ALPHABET),
            settings: { codeLength: 3, codeAttempts },
          });
          for (const customSlug of taken) {
            await core.createLink.execute({ accountId: "acme", url: "https://taken.test/", customSlug });
          }
          const made: string[] = [];
          let failed = false;
          // Each success takes one of the free codes, so the loop ends within SPACE.length + 1 rounds.
          for (let round = 0; round <= SPACE.length && !failed; round++) {
            try {
              const link = await core.createLink.execute({ accountId: "acme", url: "https://new.test/" });
              made.push(link.slug);
            } catch (error) {
              if (!isDomainError(error) || error.code !== "slug_generation_failed") throw error;
              failed = true;
            }
          }
          expect(failed).toBe(true);
          for (const slug of made) {
            expect(taken).not.toContain(slug);
            expect(SPACE).toContain(slug);
          }
          expect(new Set(made).size).toBe(made.length);
          const stored = await core.listLinks.execute({ accountId: "acme", limit: 100 });
          const slugs = stored.links.map((link) => link.slug);
          expect(slugs).toHaveLength(taken.length + made.length);
          expect(new Set(slugs).size).toBe(slugs.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("fills the whole space without ever reusing a code when retries are plentiful", async () => {
    const core = buildCore({
      codes: new NanoidCodeGenerator(ALPHABET),
      settings: { codeLength: 3, codeAttempts: 400 },
    });
    const made: string[] = [];
    for (let i = 0; i < SPACE.length; i++) {
      made.push((await core.createLink.execute({ accountId: "acme", url: "https://new.test/" })).slug);
    }
    expect([...made].sort()).toEqual([...SPACE].sort());
    await expect(
      core.createLink.execute({ accountId: "acme", url: "https://new.test/" }),
    ).rejects.toMatchObject({
      code: "slug_generation_failed",
    });
  });
});
