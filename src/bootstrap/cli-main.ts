import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isDomainError } from "../domain/errors/domain-error.js";
import { type CliIo, type CommandGroup, type StoreCommand, UsageError } from "./cli/cli-command.js";
import { domainsCommands } from "./cli/domains-commands.js";
import { exportCommand, runExport } from "./cli/export-command.js";
import { importCommand, runImport } from "./cli/import-command.js";
import { keysCommands } from "./cli/keys-commands.js";
import { linksCommands } from "./cli/links-commands.js";
import { commandUsage, runStoreCommand } from "./cli/run-store-command.js";
import { statsCommand } from "./cli/stats-commands.js";
import { ConfigError, MAX_WORKERS, workerCount } from "./config.js";

export type { CliIo } from "./cli/cli-command.js";

const GROUPS: Readonly<Record<string, CommandGroup>> = {
  keys: keysCommands,
  domains: domainsCommands,
  links: linksCommands,
};

function groupUsage(group: string, commands: CommandGroup): string {
  return Object.entries(commands)
    .map(([name, command]) => `  hexlink ${group} ${name} ${command.synopsis}\n      ${command.summary}`)
    .join("\n");
}

const USAGE = `usage: hexlink <command> [options] [--json]

  hexlink serve [--workers <n|auto>]
      start the HTTP server (same as node dist/bootstrap/server.js); --workers (HEXLINK_WORKERS) runs n
      worker processes on one port, auto one per core (store redis or mongodb)
  hexlink doctor                check the configuration, the stores and the GeoIP database
${Object.entries(GROUPS)
  .map(([group, commands]) => groupUsage(group, commands))
  .join("\n")}
  hexlink stats ${statsCommand.synopsis}
      ${statsCommand.summary}
  hexlink import ${importCommand.synopsis}
      ${importCommand.summary}
  hexlink export ${exportCommand.synopsis}
      ${exportCommand.summary}
  hexlink --version

Every command takes --help and --json. The stores are chosen by the same environment as the server
(HEXLINK_STORE, REDIS_URL, MONGODB_URL); the memory store lives inside the server, so only serve and doctor
work on it. Exit codes: 0 done, 1 failed, 2 usage.`;

/** The installed package's version, read from its package.json (two levels above src/ and dist/ alike). */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return typeof manifest === "object" && manifest !== null && "version" in manifest
    ? String(manifest.version)
    : "unknown";
}

/**
 * Runs one operator command against the configured stores, writing to the given streams. Exit codes: 0 done,
 * 1 failed, 2 usage. Never throws: a failure is written to `stderr` as one line with its code (a JSON
 * `{"error":{code,message}}` with `--json`).
 */
export async function cliMain(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second, ...rest] = argv;
  const json = argv.includes("--json");
  try {
    return await dispatch(first, second, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`hexlink: ${error.message}\n${usageFor(first, second)}\n`);
      return 2;
    }
    const code =
      error instanceof ConfigError ? "configuration" : isDomainError(error) ? error.code : "failed";
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      json ? `${JSON.stringify({ error: { code, message } })}\n` : `hexlink: ${code}: ${message}\n`,
    );
    return 1;
  }
}

async function dispatch(
  first: string | undefined,
  second: string | undefined,
  rest: readonly string[],
  io: CliIo,
): Promise<number> {
  if (first === "--version" || first === "-v" || first === "version") {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    (first === undefined ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return first === undefined ? 2 : 0;
  }
  const tail = second === undefined ? rest : [second, ...rest];
  if (first === "serve") {
    if (tail.includes("--help") || tail.includes("-h")) {
      io.stdout.write(`${SERVE_USAGE}\n`);
      return 0;
    }
    const { runServer } = await import("./run-server.js");
    return runServer({ ...io, env: { ...io.env, ...serveOptions(tail) } });
  }
  if (first === "doctor") {
    const { runDoctor } = await import("./cli/doctor-command.js");
    return runDoctor(tail, io);
  }
  if (first === "stats") return runStoreCommand("stats", statsCommand, tail, io);
  if (first === "import") return runImport(tail, io);
  if (first === "export") return runExport(tail, io);
  const group = GROUPS[first];
  if (group === undefined) throw new UsageError(`unknown command '${first}'`);
  const command: StoreCommand | undefined = second === undefined ? undefined : group[second];
  if (second === undefined || second === "--help" || second === "-h") {
    (second === undefined ? io.stderr : io.stdout).write(`usage:\n${groupUsage(first, group)}\n`);
    return second === undefined ? 2 : 0;
  }
  if (command === undefined) throw new UsageError(`unknown command '${first} ${second}'`);
  return runStoreCommand(`${first} ${second}`, command, rest, io);
}

const SERVE_USAGE = `usage: hexlink serve [--workers <n|auto>]
  start the HTTP server; configured by the environment (see README)
  --workers <n|auto>  worker processes sharing the port (HEXLINK_WORKERS; default 1, auto: one per core);
                      more than one needs HEXLINK_STORE=redis or mongodb`;

/** The environment `hexlink serve`'s options stand for: `--workers 4` is HEXLINK_WORKERS=4. */
function serveOptions(args: readonly string[]): Record<string, string> {
  let parsed: ReturnType<typeof parseArgs<{ options: { workers: { type: "string" } } }>>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { workers: { type: "string" } },
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`serve: ${error instanceof Error ? error.message : String(error)}`);
  }
  const workers = parsed.values.workers;
  if (workers === undefined) return {};
  if (!workerCount.safeParse(workers).success) {
    throw new UsageError(
      `--workers must be auto or a whole number from 1 to ${MAX_WORKERS} (got '${workers}')`,
    );
  }
  return { HEXLINK_WORKERS: workers };
}

/** The usage of the command a bad command line was meant for, else the whole usage. */
function usageFor(first: string | undefined, second: string | undefined): string {
  if (first === "serve") return SERVE_USAGE;
  if (first === "stats") return commandUsage("stats", statsCommand);
  if (first === "import") return `usage: hexlink import ${importCommand.synopsis} [--json]`;
  if (first === "export") return `usage: hexlink export ${exportCommand.synopsis}`;
  const group = first === undefined ? undefined : GROUPS[first];
  if (group === undefined || first === undefined) return USAGE;
  const command = second === undefined ? undefined : group[second];
  return command === undefined
    ? `usage:\n${groupUsage(first, group)}`
    : commandUsage(`${first} ${second}`, command);
}
