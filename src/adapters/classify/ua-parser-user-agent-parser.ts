import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import UAParser from "ua-parser-js";
import type { UserAgentInfo, UserAgentParser } from "../../application/ports/click-classification.js";
import { BOT_AGENT, browserName, deviceName, osName } from "./user-agent-names.js";

/** Options of {@link UaParserUserAgentParser}. */
export interface UaParserUserAgentParserOptions {
  /** How many distinct user agents to remember; real traffic repeats a few thousand strings. */
  readonly cacheSize?: number;
}

// ua-parser-js reads only the first 500 characters; the rest must not make a new cache entry.
const MAX_USER_AGENT_LENGTH = 500;

/** Classifies user agents with ua-parser-js and isbot, under human names, remembering recent answers. */
export class UaParserUserAgentParser implements UserAgentParser {
  private readonly cache: LRUCache<string, UserAgentInfo>;
  private readonly parser = new UAParser();

  constructor(options: UaParserUserAgentParserOptions = {}) {
    this.cache = new LRUCache({ max: options.cacheSize ?? 10_000 });
  }

  parse(userAgent: string): UserAgentInfo {
    const key =
      userAgent.length > MAX_USER_AGENT_LENGTH ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : userAgent;
    let info = this.cache.get(key);
    if (info === undefined) {
      info = this.classify(key);
      this.cache.set(key, info);
    }
    return info;
  }

  private classify(userAgent: string): UserAgentInfo {
    // No browser sends an empty user agent: it comes from scripts, monitors and link checkers, so it counts
    // as a bot, like curl and wget (which isbot already names), rather than inflating the human figures.
    if (userAgent.trim() === "" || isbot(userAgent)) return BOT_AGENT;
    const result = this.parser.setUA(userAgent).getResult();
    const raw = {
      deviceType: result.device.type,
      deviceModel: result.device.model,
      os: result.os.name,
      browser: result.browser.name,
    };
    const os = osName(raw);
    return Object.freeze({ device: deviceName(raw, os), os, browser: browserName(raw, os), bot: false });
  }
}
