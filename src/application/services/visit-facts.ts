import type { IpAddress } from "../../domain/link/ip-range.js";
import { parseIpAddress } from "../../domain/link/ip-range.js";
import { preferredLanguage, type Visit } from "../../domain/link/redirect-target.js";
import { dayOf } from "../../domain/time/day.js";
import type { UserAgentInfo, UserAgentParser } from "../ports/click-classification.js";
import type { ClassificationPorts } from "./hit-classifier.js";

/** The request facts a visit is read from. */
export interface VisitRequest {
  readonly ip: string;
  readonly userAgent: string;
  /** The short URL's query string, without `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * A {@link Visit} that works each fact out the first time a rule asks for it, with the same classification ports
 * as the click recorder (so the user-agent parser's cache serves both), and remembers it for the next rule.
 * Made only for links with rules or variants: a plain link's redirect never builds one.
 */
export class VisitFacts implements Visit {
  private agent: UserAgentInfo | undefined;
  private countryCode: string | undefined;
  private languageTag: string | undefined;
  private params: URLSearchParams | undefined;
  private address: IpAddress | null | undefined;
  private visitorId: string | undefined;

  constructor(
    private readonly ports: ClassificationPorts,
    private readonly request: VisitRequest,
    readonly at: Date,
  ) {}

  device(): string {
    return this.userAgent().device;
  }

  os(): string {
    return this.userAgent().os;
  }

  browser(): string {
    return this.userAgent().browser;
  }

  country(): string {
    this.countryCode ??= this.ports.geo.locate(this.request.ip, this.request.headers).code;
    return this.countryCode;
  }

  language(): string {
    if (this.languageTag === undefined) {
      const header = this.request.headers["accept-language"];
      this.languageTag = preferredLanguage(Array.isArray(header) ? header.join(",") : (header ?? ""));
    }
    return this.languageTag;
  }

  query(name: string): string | undefined {
    this.params ??= new URLSearchParams(this.request.query);
    return this.params.get(name) ?? undefined;
  }

  ip(): IpAddress | null {
    if (this.address === undefined) this.address = parsedAddress(this.request.ip);
    return this.address;
  }

  visitor(): string {
    this.visitorId ??= this.ports.visitors.hash(dayOf(this.at), this.request.ip, this.request.userAgent);
    return this.visitorId;
  }

  private userAgent(): UserAgentInfo {
    if (this.agent === undefined) {
      // The client's last user agent, compared rather than hashed and looked up in the parser's cache.
      const client = recentAgent(this.ports.userAgents, this.request.ip);
      const userAgent = this.request.userAgent;
      if (client.agent === undefined || client.userAgent !== userAgent) {
        client.agent = this.ports.userAgents.parse(userAgent);
        client.userAgent = userAgent;
      }
      this.agent = client.agent;
    }
    return this.agent;
  }
}

// Recent clients' parsed addresses: a visitor's next redirect parses nothing. A memo of a pure function,
// bounded (cleared when full), so it can never change an answer.
const RECENT_CLIENTS = 4096;
const recentAddresses = new Map<string, IpAddress | null>();

function parsedAddress(text: string): IpAddress | null {
  const known = recentAddresses.get(text);
  if (known !== undefined) return known;
  const address = parseIpAddress(text);
  if (recentAddresses.size >= RECENT_CLIENTS) recentAddresses.clear();
  recentAddresses.set(text, address);
  return address;
}

/** A client's (by IP) last user agent and its parse. */
interface RecentAgent {
  userAgent: string;
  agent: UserAgentInfo | undefined;
}

// Per parser (a hexlink's port; two in one process may differ), the same kind of memo for user agents. Like the
// addresses above, it holds the raw IPs of the last 4,096 rule visitors in memory (never in a store), until
// pushed out; unlike the recorder's memo, it is not cleared at each flush.
const recentAgents = new WeakMap<UserAgentParser, Map<string, RecentAgent>>();

function recentAgent(parser: UserAgentParser, ip: string): RecentAgent {
  let clients = recentAgents.get(parser);
  if (clients === undefined) {
    clients = new Map();
    recentAgents.set(parser, clients);
  }
  let client = clients.get(ip);
  if (client === undefined) {
    client = { userAgent: "", agent: undefined };
    if (clients.size >= RECENT_CLIENTS) clients.clear();
    clients.set(ip, client);
  }
  return client;
}
