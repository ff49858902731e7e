import { describe, expect, it } from "vitest";
import { UaParserUserAgentParser } from "../../../../src/adapters/classify/ua-parser-user-agent-parser.js";
import { USER_AGENT_CORPUS } from "./user-agent-corpus.js";

describe("UaParserUserAgentParser", () => {
  const parser = new UaParserUserAgentParser();

  it("has a corpus of at least 50 real user agents", () => {
    expect(USER_AGENT_CORPUS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(USER_AGENT_CORPUS.map((entry) => [entry.ua || "(empty)", entry] as const))(
    "classifies %s",
    (_, entry) => {
      expect(parser.parse(entry.ua)).toEqual({
        device: entry.device,
        os: entry.os,
        browser: entry.browser,
        bot: entry.bot,
      });
    },
  );

  it("answers the same from its cache as from a fresh parse", () => {
    const cached = new UaParserUserAgentParser({ cacheSize: 2 });
    for (const entry of USER_AGENT_CORPUS) cached.parse(entry.ua);
    for (const entry of USER_AGENT_CORPUS) expect(cached.parse(entry.ua)).toEqual(parser.parse(entry.ua));
  });

  it("classifies a user agent longer than 500 characters by its start", () => {
    const chrome = USER_AGENT_CORPUS[0];
    expect(chrome).toBeDefined();
    const long = `${chrome?.ua ?? ""} ${"x".repeat(1000)}`;
    expect(parser.parse(long)).toEqual(parser.parse(chrome?.ua ?? ""));
  });
});
