import { afterAll, beforeAll } from "vitest";
import { ApiClient, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

type StartOptions = Parameters<typeof startServer>[0];

/** The main server of the test file that called {@link useV1Server}, once its `beforeAll` has run. */
export let server: RunningServer;
/** A v1 client of {@link server} with the key given to {@link useV1Server}. */
export let api: ApiClient;

/**
 * Starts the calling test file's main server before its tests (as the live bindings `server` and `api`,
 * set again by each file's `beforeAll`: files sharing a worker run one after the other) and closes it, with
 * every server the returned `start` made, after them.
 */
export function useV1Server(
  options: StartOptions,
  key: string,
): (options: StartOptions) => Promise<RunningServer> {
  const servers: RunningServer[] = [];
  const start = async (more: StartOptions): Promise<RunningServer> => {
    const running = await startServer(more);
    servers.push(running);
    return running;
  };
  beforeAll(async () => {
    server = await start(options);
    api = new ApiClient(server.url, key);
  });
  afterAll(async () => {
    await Promise.all(servers.map((running) => running.close()));
  });
  return start;
}

/** The key of `acme` on the main server of the v1 error suites. */
export const V1_ERRORS_KEY = "hxk_v1_errors_suite_key_01";

/** {@link useV1Server} for the v1 error suites: `acme`'s key, relaxed limits, `blocked.example` blocked. */
export function useV1ErrorServer(): (options: StartOptions) => Promise<RunningServer> {
  return useV1Server(
    {
      apiKeys: [{ accountId: "acme", key: V1_ERRORS_KEY }],
      settings: { rateLimits: RELAXED_LIMITS, blockedDomains: ["blocked.example"] },
    },
    V1_ERRORS_KEY,
  );
}
