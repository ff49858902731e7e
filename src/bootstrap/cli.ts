#!/usr/bin/env node
import { parseArgs } from "node:util";
import { isDomainError } from "../domain/errors/domain-error.js";
import { ConfigError, loadConfig } from "./config.js";
import { hexlinkFromConfig } from "./hexlink-from-config.js";

const USAGE = `usage:
  hexlink keys create --account <name>   make an API key (printed once; only its hash is stored)
  hexlink keys revoke <key-id>           revoke a key by its id (key_…)
  hexlink domains activate <hostname>    activate a custom domain without DNS verification
Stores are chosen by the same environment as the server (HEXLINK_STORE, REDIS_URL, MONGODB_URL).`;

/** Operator commands against the configured stores. Exit codes: 0 done, 1 failed, 2 usage. */
async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    // An unknown option or one missing its value is a usage error, like an unknown command.
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [group, command, argument] = positionals;
  if (values.help === true || group === undefined) {
    console.log(USAGE);
    return values.help === true ? 0 : 2;
  }
  const known =
    (group === "keys" && command === "create" && values.account !== undefined) ||
    (group === "keys" && command === "revoke" && argument !== undefined) ||
    (group === "domains" && command === "activate" && argument !== undefined);
  if (!known) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (config.HEXLINK_STORE === "memory") {
    // The memory store lives inside the server process: a key or domain made here would work nowhere.
    console.error(
      "hexlink: HEXLINK_STORE=memory keeps everything inside the server process, so the CLI cannot change it.\n" +
        "Seed keys with HEXLINK_API_KEYS=account:key when starting the server, or use HEXLINK_STORE=redis or mongodb.",
    );
    return 1;
  }
  const hexlink = await hexlinkFromConfig(config);
  try {
    if (group === "keys" && command === "create" && values.account !== undefined) {
      const { key, apiKey } = await hexlink.createApiKey.execute(values.account);
      console.log(
        `key id:  ${apiKey.id}\naccount: ${apiKey.accountId}\nkey:     ${key}\nStore the key now: it is not shown again.`,
      );
    } else if (group === "keys" && argument !== undefined) {
      await hexlink.revokeApiKey.execute(argument);
      console.log(`revoked ${argument}`);
    } else if (argument !== undefined) {
      const domain = await hexlink.activateDomain.execute(argument);
      console.log(`${domain.hostname} is ${domain.status}`);
    }
    return 0;
  } finally {
    await hexlink.close();
  }
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { account: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (isDomainError(error)) console.error(`${error.code}: ${error.message}`);
    else console.error(`hexlink: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
