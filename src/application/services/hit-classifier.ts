import type { ClickProfile } from "../../domain/click/click.js";
import { referrerName } from "../../domain/click/referrer.js";
import { type Day, dayOf } from "../../domain/time/day.js";
import type { GeoLocator, UserAgentParser, VisitorHasher } from "../ports/click-classification.js";
import type { RedirectHit } from "../ports/click-sink.js";

/** The ports a {@link HitClassifier} classifies with. */
export interface ClassificationPorts {
  readonly userAgents: UserAgentParser;
  readonly geo: GeoLocator;
  readonly visitors: VisitorHasher;
}

/** The last classification of a client (by IP): reused while its user agent and referrer stay the same. */
interface ClientMemo {
  readonly userAgent: string;
  readonly referrer: string;
  readonly profile: ClickProfile;
}

const DAY_MS = 86_400_000;

/** Every bot's profile: a bot's click carries nothing but its link and day. */
const BOT_PROFILE: ClickProfile = {
  bot: true,
  device: "",
  os: "",
  browser: "",
  country: "",
  referrer: "",
  visitor: "",
};

/**
 * Turns redirect hits into click profiles, cheaply. A client (IP) clicking again with the same user agent and
 * referrer gets the very same profile object: no parse, no hash, no lookup, nothing allocated; a new referrer
 * or user agent costs only what changed. The recorder clears these memos at every flush (they clear themselves on
 * a new day), so raw IPs and referrers stay in memory for one interval at most and never reach a store. A
 * client's CDN country header is taken as constant within that interval.
 */
export class HitClassifier {
  // By IP, for the last user agent and referrer seen from it: one entry per client without a map per IP.
  private readonly clients = new Map<string, ClientMemo>();
  private readonly referrers = new Map<string, string>();
  private clientsDay: Day = "";
  private dayStart = 0;
  private dayEnd = 0;
  private day: Day = "";

  constructor(
    private readonly ports: ClassificationPorts,
    private readonly maxClients: number,
  ) {}

  /** The UTC day of an instant, formatted once per day rather than once per click. */
  dayOf(at: Date): Day {
    const ms = at.getTime();
    if (!(ms >= this.dayStart && ms < this.dayEnd)) {
      this.day = dayOf(at);
      this.dayStart = Date.parse(`${this.day}T00:00:00Z`);
      this.dayEnd = this.dayStart + DAY_MS;
    }
    return this.day;
  }

  /** The profile of a hit's client; the same object as its last click's when nothing changed. */
  profile(hit: RedirectHit, day: Day): ClickProfile {
    if (day !== this.clientsDay || this.clients.size >= this.maxClients) {
      this.forget();
      this.clientsDay = day;
    }
    const last = this.clients.get(hit.ip);
    if (last !== undefined && last.userAgent === hit.userAgent && last.referrer === hit.referrer) {
      return last.profile;
    }
    const profile = this.classify(hit, day, last?.userAgent === hit.userAgent ? last.profile : undefined);
    this.clients.set(hit.ip, { userAgent: hit.userAgent, referrer: hit.referrer, profile });
    return profile;
  }

  /** Forgets every remembered client and referrer. */
  forget(): void {
    this.clients.clear();
    this.referrers.clear();
  }

  private referrer(raw: string): string {
    let name = this.referrers.get(raw);
    if (name === undefined) {
      name = referrerName(raw);
      if (this.referrers.size >= this.maxClients) this.referrers.clear();
      this.referrers.set(raw, name);
    }
    return name;
  }

  /** A new profile; `sameAgent` is the client's profile under this user agent: all but the referrer hold. */
  private classify(hit: RedirectHit, day: Day, sameAgent: ClickProfile | undefined): ClickProfile {
    if (sameAgent !== undefined) {
      return sameAgent.bot ? sameAgent : { ...sameAgent, referrer: this.referrer(hit.referrer) };
    }
    const agent = this.ports.userAgents.parse(hit.userAgent);
    if (agent.bot) return BOT_PROFILE;
    return {
      bot: false,
      device: agent.device,
      os: agent.os,
      browser: agent.browser,
      country: this.ports.geo.locate(hit.ip, hit.headers).code,
      referrer: this.referrer(hit.referrer),
      visitor: this.ports.visitors.hash(day, hit.ip, hit.userAgent),
    };
  }
}
