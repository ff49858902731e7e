import { readFileSync } from "node:fs";
import { createHexlink } from "hexlink/bootstrap";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  analyticsExamples,
  apiKeyExamples,
  deleteExample,
  domainExamples,
  linkExamples,
  redirectExamples,
  webhookExamples,
} from "./use-case-examples.js";

const EXAMPLES = readFileSync(new URL("./use-case-examples.ts", import.meta.url), "utf8");
const PAGE = readFileSync(new URL("../../docs/embedding.md", import.meta.url), "utf8");

/** The code between `// #region name` and `// #endregion name`, dedented. */
function region(name: string): string {
  const match = new RegExp(`// #region ${name}\\n([\\s\\S]*?)\\n\\s*// #endregion ${name}`).exec(EXAMPLES);
  const lines = (match?.[1] ?? "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join("\n");
}

afterEach(() => vi.restoreAllMocks());

describe("docs/embedding.md's use-case examples", () => {
  it("quotes each example of use-case-examples.ts verbatim in a ts block", () => {
    const blocks = [...PAGE.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    for (const name of ["links", "redirects", "analytics", "domains", "api-keys", "delete", "webhooks"]) {
      const code = region(name);
      expect(code.length, name).toBeGreaterThan(40);
      expect(
        blocks.some((block) => block.includes(code)),
        name,
      ).toBe(true);
    }
  });

  it("run on an in-memory hexlink and answer as their comments say", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const hexlink = await createHexlink({ baseUrl: "https://sho.rt" });
    try {
      const link = await linkExamples(hexlink);
      expect(log.mock.calls[0]).toEqual(["https://sho.rt/spring", true]);
      expect(log.mock.calls[1]).toEqual([1, false]);
      expect(await redirectExamples(hexlink, link)).toBe("https://example.com/spring?utm=1");
      expect(log.mock.calls[2]).toEqual(["https://example.com/spring?utm=1", "found"]);
      expect(await analyticsExamples(hexlink, link)).toBe(1);
      expect(log.mock.calls[4]).toEqual(["active", "https://example.com/spring"]);
      expect(await domainExamples(hexlink)).toEqual(["go.acme.test active"]);
      expect(await apiKeyExamples(hexlink)).toBe(1);
      await deleteExample(hexlink, link);
      expect((await hexlink.listLinks.execute({ accountId: "acme" })).links).toEqual([]);
    } finally {
      await hexlink.close();
    }
  });

  it("webhooks: register, ping, read the log, remove", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    // A sender that lets any host register (the default resolves it and refuses private addresses).
    const sender = {
      refusal: async () => null,
      send: async () => ({ kind: "answered" as const, status: 204 }),
    };
    const hexlink = await createHexlink({ baseUrl: "https://sho.rt", webhooks: { sender } });
    try {
      expect(await webhookExamples(hexlink)).toMatch(/^whsec_/);
      expect(log.mock.calls[0]).toEqual([true, "ping", "pending"]);
      expect(await hexlink.listWebhooks.execute({ accountId: "acme" })).toEqual([]);
    } finally {
      await hexlink.close();
    }
  });
});
