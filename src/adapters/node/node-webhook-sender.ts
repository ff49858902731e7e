import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type {
  WebhookRequest,
  WebhookResponse,
  WebhookSender,
} from "../../application/ports/webhook-sender.js";
import { isPrivateHost } from "../../domain/link/ip-host.js";

/** One resolved address of a host. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

export interface NodeWebhookSenderOptions {
  /** Accept hosts that resolve to loopback, private or link-local addresses (HEXLINK_WEBHOOKS_ALLOW_PRIVATE). */
  readonly allowPrivate?: boolean;
  /** How long one attempt may take in all, connection to last byte read. Default 10 000 ms (spec §10). */
  readonly timeoutMs?: number;
  /** Bytes of an answer read at most; the rest is not waited for. Default 1024. */
  readonly maxResponseBytes?: number;
  /** Certificates to trust for https receivers instead of Node's bundled CAs (a private CA; tests). */
  readonly ca?: string | Buffer;
  /** Resolves a host name to all its addresses; `dns.lookup` unless replaced (tests). */
  readonly resolve?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
}

const REFUSED = "resolves to a loopback, private or link-local address";
/** An idle kept-alive connection is closed after this long: before the 5 s many servers close theirs at. */
const IDLE_CONNECTION_MS = 4000;

/**
 * Posts webhooks with node:http(s). The host is resolved and every address checked before each attempt, and the
 * request goes to the checked address (the name kept for `Host`, TLS SNI and the certificate check), so a name
 * that resolves elsewhere a moment later (DNS rebinding) cannot reach an internal address. No redirect is
 * followed: a 3xx is an answer like any non-2xx. Connections are kept alive per checked address (pooled by
 * address, port and name, so a kept connection always goes where the check allowed), and an attempt whose kept
 * connection turns out closed by the receiver is made again once on a new one.
 */
export class NodeWebhookSender implements WebhookSender {
  private readonly allowPrivate: boolean;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly resolve: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  private readonly ca: string | Buffer | undefined;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
    https: new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  };

  constructor(options: NodeWebhookSenderOptions = {}) {
    this.allowPrivate = options.allowPrivate ?? false;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 1024;
    this.resolve = options.resolve ?? ((hostname) => lookup(hostname, { all: true, verbatim: true }));
    this.ca = options.ca;
  }

  async refusal(url: string): Promise<string | null> {
    const target = await this.target(new URL(url));
    return typeof target === "string" ? target : null;
  }

  async send(request: WebhookRequest): Promise<WebhookResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { kind: "failed", error: "invalid url" };
    }
    const started = Date.now();
    const target = await this.target(url);
    if (typeof target === "string") return { kind: "failed", error: `refused: the host ${target}` };
    const left = this.timeoutMs - (Date.now() - started);
    if (left <= 0) return { kind: "failed", error: `no answer within ${this.timeoutMs} ms` };
    // Encoded once: its length and the bytes written (on a retry too) come from the same buffer.
    const payload = Buffer.from(request.body);
    const first = await this.post(url, target, request.headers, payload, left);
    if (first.kind === "answered" || !first.staleConnection) return first.response;
    const remaining = this.timeoutMs - (Date.now() - started);
    if (remaining <= 0) return first.response;
    return (await this.post(url, target, request.headers, payload, remaining)).response;
  }

  /** The address to connect to, or why there is none. */
  private async target(url: URL): Promise<ResolvedAddress | string> {
    const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
    let addresses: readonly ResolvedAddress[];
    if (isIP(hostname) !== 0) {
      addresses = [{ address: hostname, family: isIP(hostname) }];
    } else {
      try {
        // Bounded by the attempt's timeout: a resolver that never answers must not hold the lease.
        addresses = await withTimeout(this.resolve(hostname), this.timeoutMs);
      } catch {
        return "does not resolve";
      }
    }
    const [first] = addresses;
    if (first === undefined) return "does not resolve";
    if (!this.allowPrivate) {
      const spelled = (a: ResolvedAddress) => (a.family === 6 ? `[${a.address}]` : a.address);
      if (isPrivateHost(url.hostname) || addresses.some((a) => isPrivateHost(spelled(a)))) return REFUSED;
    }
    return first;
  }

  /** One request; `staleConnection` when it failed on a kept connection before any answer (worth a retry). */
  private post(
    url: URL,
    target: ResolvedAddress,
    headers: WebhookRequest["headers"],
    payload: Buffer,
    timeoutMs: number,
  ): Promise<Posted> {
    const secure = url.protocol === "https:";
    const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
    return new Promise<Posted>((resolve) => {
      let done = false;
      /** `keep`: the answer was read to its end, so the connection can serve the next message. */
      const finish = (response: WebhookResponse, keep = false, staleConnection = false) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (!keep) outgoing.destroy();
        resolve(
          response.kind === "answered"
            ? { kind: "answered", response }
            : { kind: "failed", response, staleConnection },
        );
      };
      const options: https.RequestOptions = {
        method: "POST",
        host: target.address,
        family: target.family,
        port: url.port === "" ? (secure ? 443 : 80) : Number(url.port),
        path: `${url.pathname}${url.search}`,
        headers: {
          ...headers,
          host: url.host,
          "content-length": payload.length,
          "user-agent": "hexlink-webhooks",
        },
        agent: secure ? this.agents.https : this.agents.http,
        // The certificate is checked against the URL's name (servername), not the address connected to.
        ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
        ...(secure && this.ca !== undefined ? { ca: this.ca } : {}),
      };
      const outgoing = (secure ? https : http).request(options, (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read >= this.maxResponseBytes) finish({ kind: "answered", status });
        });
        response.on("end", () => finish({ kind: "answered", status }, true));
        response.on("error", () => finish({ kind: "answered", status }));
      });
      const timer = setTimeout(
        () => finish({ kind: "failed", error: `no answer within ${this.timeoutMs} ms` }),
        timeoutMs,
      );
      outgoing.on("error", (error) => {
        // A kept connection the receiver closed meanwhile fails at once, before any answer.
        const stale = outgoing.reusedSocket && ["ECONNRESET", "EPIPE"].includes(codeOf(error));
        finish({ kind: "failed", error: error.message }, false, stale);
      });
      outgoing.end(payload);
    });
  }
}

/** What one request gave; a failure on a kept connection the receiver had closed is worth one retry. */
type Posted =
  | { readonly kind: "answered"; readonly response: WebhookResponse }
  | { readonly kind: "failed"; readonly response: WebhookResponse; readonly staleConnection: boolean };

function codeOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === "string" ? code : "";
}

/** `promise`, or a rejection once `ms` have passed. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
