import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import {
  answerParserError,
  createHexlinkServerListener,
  type HexlinkHttpOptions,
  type HexlinkServerTimeouts,
  hexlinkServerOptions,
} from "../../src/adapters/express/index.js";
import type { Hexlink } from "../../src/application/hexlink.js";
import { type CreateHexlinkOptions, createHexlink } from "../../src/bootstrap/create-hexlink.js";
import { defaultTestStores } from "./http-store.js";

export interface RunningServer {
  readonly hexlink: Hexlink;
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Starts a real listening hexlink server on a free loopback port, with the redirect fast path.
 * The base URL is the listening address, so short URLs point at this very server.
 */
export async function startServer(
  options: Omit<CreateHexlinkOptions, "baseUrl"> & {
    http?: HexlinkHttpOptions;
    baseUrl?: (port: number) => string;
    /** The server's slow-client timeouts; production's defaults when unset. */
    timeouts?: HexlinkServerTimeouts;
  } = {},
): Promise<RunningServer> {
  const server = createServer(hexlinkServerOptions(options.timeouts));
  server.on("clientError", answerParserError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const { http, baseUrl, timeouts: _timeouts, ...core } = options;
  const stores = core.stores ?? (await defaultTestStores());
  const hexlink = await createHexlink({ ...core, stores, baseUrl: baseUrl?.(port) ?? url });
  server.on("request", createHexlinkServerListener(hexlink, { logger: pino({ level: "silent" }), ...http }));
  return {
    hexlink,
    url,
    port,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hexlink.close();
    },
  };
}
