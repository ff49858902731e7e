import { parseArgs } from "node:util";
import { isDomainError } from "../domain/errors/domain-error.js";
import { ConfigError, loadConfig } from "./config.js";

const USAGE = `usage:
  hexlink keys create --account <name>   make an API key (printed once; only its hash is stored)
  hexlink keys revoke <key-id>           revoke a key by its id (key_…)
  hexlink domains activate <hostname>    activate a custom domain without DNS verification
Stores are chosen by the same environment as the server (HEXLINK_STORE, REDIS_URL, MONGODB_URL).`;

/** Where the CLI reads its configuration and writes its answers. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs one operator command against the configured stores, writing to the given streams. Exit codes: 0 done,
 * 1 failed, 2 usage. Never throws: a failure is written to `stderr` as one line with its code.
 */
export async function cliMain(argv: readonly string[], io: CliIo): Promise<number> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const err = (text: string) => io.stderr.write(`${text}\n`);
  try {
    return await run(argv, io.env, out, err);
  } catch (error) {
    if (error instanceof ConfigError) err(error.message);
    else if (isDomainError(error)) err(`${error.code}: ${error.message}`);
    else err(`hexlink: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    // An unknown option or one missing its value is a usage error, like an unknown command.
    err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [group, command, argument] = positionals;
  if (values.help === true || group === undefined) {
    out(USAGE);
    return values.help === true ? 0 : 2;
  }
  const known =
    (group === "keys" && command === "create" && values.account !== undefined) ||
    (group === "keys" && command === "revoke" && argument !== undefined) ||
    (group === "domains" && command === "activate" && argument !== undefined);
  if (!known) {
    err(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  if (config.HEXLINK_STORE === "memory") {
    // The memory store lives inside the server process: a key or domain made here would work nowhere.
    err(
      "hexlink: HEXLINK_STORE=memory keeps everything inside the server process, so the CLI cannot change it.\n" +
        "Seed keys with HEXLINK_API_KEYS=account:key when starting the server, or use HEXLINK_STORE=redis or mongodb.",
    );
    return 1;
  }
  // Loaded only now: help, usage errors and the refusal above need none of the stores and use cases.
  const { hexlinkFromConfig } = await import("./hexlink-from-config.js");
  const hexlink = await hexlinkFromConfig(config);
  try {
    if (group === "keys" && command === "create" && values.account !== undefined) {
      const { key, apiKey } = await hexlink.createApiKey.execute(values.account);
      out(
        `key id:  ${apiKey.id}\naccount: ${apiKey.accountId}\nkey:     ${key}\nStore the key now: it is not shown again.`,
      );
    } else if (group === "keys" && argument !== undefined) {
      await hexlink.revokeApiKey.execute(argument);
      out(`revoked ${argument}`);
    } else if (argument !== undefined) {
      const domain = await hexlink.activateDomain.execute(argument);
      out(`${domain.hostname} is ${domain.status}`);
    }
    return 0;
  } finally {
    await hexlink.close();
  }
}

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { account: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
}
