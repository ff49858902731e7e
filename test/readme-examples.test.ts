import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
// README imports these as "hexlink/bootstrap" and "hexlink/express": the package's exports of the built files.
import { createHexlinkRouter } from "../src/adapters/express/index.js";
import { createHexlink } from "../src/bootstrap/index.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const THIS_FILE = readFileSync(new URL(import.meta.url), "utf8");

/** The ```ts blocks of README's "Embedding" section. */
function embeddingSnippets(): string[] {
  const section = README.split(/^## /m).find((part) => part.startsWith("Embedding")) ?? "";
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

/** Code without comments, whitespace or trailing commas, to compare the substance of two spellings. */
function squash(code: string): string {
  return code
    .replace(/\/\/.*$/gm, "")
    .replace(/\s+/g, "")
    .replace(/,([}\])])/g, "$1");
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("README's embedding examples", () => {
  it("are the code this file runs (imports aside)", () => {
    const snippets = embeddingSnippets();
    expect(snippets).toHaveLength(2);
    for (const snippet of snippets) {
      const code = snippet
        .split("\n")
        .filter((line) => !line.startsWith("import "))
        .join("\n");
      expect(squash(THIS_FILE)).toContain(squash(code));
    }
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, { import: string }>;
    };
    expect(pkg.exports["./bootstrap"]?.import).toBe("./dist/bootstrap/index.js");
    expect(pkg.exports["./express"]?.import).toBe("./dist/adapters/express/index.js");
    expect(snippets.join("\n")).toContain('import { createHexlink } from "hexlink/bootstrap";');
    expect(snippets.join("\n")).toContain('import { createHexlinkRouter } from "hexlink/express";');
  });

  it("createHexlink in memory: create a link, then resolve it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});

    const hexlink = await createHexlink({ baseUrl: "https://sho.rt" }); // all in memory
    const link = await hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/a" });
    const outcome = await hexlink.resolveRedirect.execute({
      host: "sho.rt",
      slug: link.slug,
      query: "",
      ip: "203.0.113.9",
      userAgent: "",
      referrer: "",
      headers: {},
    });
    console.log(hexlink.shortUrls.shortUrl(link), outcome.kind); // https://sho.rt/Ab3dE9x redirect
    await hexlink.close();

    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^https:\/\/sho\.rt\/[A-Za-z0-9]{7}$/),
      "redirect",
    );
    expect(outcome).toMatchObject({ kind: "redirect", location: "https://example.com/a" });
  });

  it("createHexlinkRouter mounted in a fresh app: create a link through /v1/links and follow it", async () => {
    vi.stubEnv("HEXLINK_LOG_LEVEL", "silent"); // the router's default logger reads it
    const hexlink = await createHexlink({ baseUrl: "https://sho.rt" }); // all in memory

    const app = express();
    app.use(createHexlinkRouter(hexlink)); // after your own routes: slugs are first path segments

    const { key } = await hexlink.createApiKey.execute({ accountId: "acme" });
    const server = app.listen(0, "127.0.0.1");
    try {
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const created = await fetch(`${base}/v1/links`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ url: "https://example.com/docs?ref=hexlink", custom_slug: "launch" }),
      });
      expect(created.status).toBe(201);
      const { link } = (await created.json()) as { link: { slug: string; short_url: string } };
      expect(link).toMatchObject({ slug: "launch", short_url: "https://sho.rt/launch" });

      const followed = await fetch(`${base}/launch?utm=1`, { redirect: "manual" });
      expect(followed.status).toBe(302);
      expect(followed.headers.get("location")).toBe("https://example.com/docs?ref=hexlink&utm=1");
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hexlink.close();
    }
  });
});
