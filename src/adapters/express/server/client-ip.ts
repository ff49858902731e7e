import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/** Who may set X-Forwarded-For: Express's compiled `trust proxy` function. */
export type TrustFunction = (address: string, hop: number) => boolean;

/** The client's address, honouring `HEXLINK_TRUST_PROXY` exactly as Express's `req.ip` does. */
export function clientIp(req: IncomingMessage, trust: TrustFunction | undefined): string {
  if (trust === undefined) return req.socket.remoteAddress ?? "";
  return proxyAddr(req, trust);
}
