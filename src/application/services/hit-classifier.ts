import type { ClassifiedClick } from "../../domain/click/click.js";
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

interface ClientFacts {
  readonly userAgent: string;
  readonly visitor: string;
  readonly country: string;
}

const DAY_MS = 86_400_000;

/**
 * Turns redirect hits into classified clicks, cheaply. Visitor id and country are remembered per IP and user
 * agent (and referrer names per Referer), so a client clicking again costs no hash and no lookup; the recorder
 * clears these memos at every flush (they clear themselves on a new day), so raw IPs and referrers stay in memory
 * for one interval at most and never reach a store. A client's CDN country header is taken as constant within
 * that interval.
 */
export class HitClassifier {
  // By IP, for the last user agent seen from it: one entry per client without a map per IP.
  private readonly clients = new Map<string, ClientFacts>();
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

  /** The click as analytics keeps it; a bot's click carries nothing but its link and day. */
  classify(hit: RedirectHit, day: Day): ClassifiedClick {
    const agent = this.ports.userAgents.parse(hit.userAgent);
    const linkId = hit.linkId;
    if (agent.bot) {
      return {
        linkId,
        day,
        bot: true,
        device: "",
        os: "",
        browser: "",
        country: "",
        referrer: "",
        visitor: "",
        target: hit.target,
      };
    }
    const { visitor, country } = this.client(day, hit);
    const { device, os, browser } = agent;
    return {
      linkId,
      day,
      bot: false,
      device,
      os,
      browser,
      country,
      referrer: this.referrer(hit.referrer),
      visitor,
      target: hit.target,
    };
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

  private client(day: Day, hit: RedirectHit): ClientFacts {
    if (day !== this.clientsDay || this.clients.size >= this.maxClients) {
      this.forget();
      this.clientsDay = day;
    }
    let facts = this.clients.get(hit.ip);
    if (facts === undefined || facts.userAgent !== hit.userAgent) {
      const visitor = this.ports.visitors.hash(day, hit.ip, hit.userAgent);
      facts = { userAgent: hit.userAgent, visitor, country: this.ports.geo.locate(hit.ip, hit.headers).code };
      this.clients.set(hit.ip, facts);
    }
    return facts;
  }
}
