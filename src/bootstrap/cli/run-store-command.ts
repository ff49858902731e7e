import { parseArgs } from "node:util";
import type { Hexlink } from "../../application/hexlink.js";
import { loadConfig } from "../config.js";
import {
  type CliIo,
  type CommandAnswer,
  type OptionValues,
  type StoreCommand,
  UsageError,
} from "./cli-command.js";

/** The usage line and options of one command, for `--help` and usage errors. */
export function commandUsage(name: string, command: StoreCommand): string {
  return `usage: hexlink ${name} ${command.synopsis} [--json]\n  ${command.summary}`;
}

/** The options every command takes besides its own. */
const COMMON_OPTIONS = { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

/** Parses a command's arguments; every mistake in them is a {@link UsageError}. */
export function parseCommand(command: StoreCommand, args: readonly string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { ...COMMON_OPTIONS, ...command.options },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  // No option is declared `multiple`, so every value is a string or a boolean.
  const values: OptionValues = Object.fromEntries(
    Object.entries(parsed.values).filter(
      (entry): entry is [string, string | boolean] => entry[1] !== undefined && !Array.isArray(entry[1]),
    ),
  );
  if (values.help === true) return { help: true, json: false, positionals: {}, values } as const;
  const names = command.positionals ?? [];
  if (parsed.positionals.length !== names.length) {
    throw new UsageError(
      names.length === 0
        ? `unexpected argument '${parsed.positionals[0]}'`
        : `expected ${names.map((n) => `<${n}>`).join(" ")}`,
    );
  }
  for (const option of command.required ?? []) {
    if (typeof values[option] !== "string") throw new UsageError(`--${option} is required`);
  }
  const positionals = Object.fromEntries(names.map((n, i) => [n, parsed.positionals[i] ?? ""]));
  return { help: false, json: values.json === true, positionals, values } as const;
}

/**
 * Runs one store command (`links list …`): parses its arguments, opens the configured stores (refusing the
 * memory store, which lives inside the server), runs it, prints its answer as text or JSON, and closes.
 * @throws UsageError for a bad command line; ConfigError; DomainError from the use case
 */
export async function runStoreCommand(
  name: string,
  command: StoreCommand,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const parsed = parseCommand(command, args);
  if (parsed.help) {
    io.stdout.write(`${commandUsage(name, command)}\n`);
    return 0;
  }
  const hexlink = await openStoreHexlink(io);
  if (hexlink === null) return 1;
  let answer: CommandAnswer;
  try {
    answer = await command.run(hexlink, { positionals: parsed.positionals, values: parsed.values });
  } finally {
    await hexlink.close();
  }
  io.stdout.write(`${parsed.json ? JSON.stringify(answer.json, null, 2) : answer.text}\n`);
  return 0;
}

/**
 * The hexlink core on the configured stores, for a command to run and then close; null (after saying why on
 * stderr) for the memory store, which lives inside the server process. @throws ConfigError
 */
export async function openStoreHexlink(io: CliIo): Promise<Hexlink | null> {
  const config = loadConfig(io.env);
  if (config.HEXLINK_STORE === "memory") {
    // The memory store lives inside the server process: a key or link made here would work nowhere.
    io.stderr.write(
      "hexlink: HEXLINK_STORE=memory keeps everything inside the server process, so the CLI cannot change it.\n" +
        "Seed keys with HEXLINK_API_KEYS=account:key when starting the server, or use HEXLINK_STORE=redis or mongodb.\n",
    );
    return null;
  }
  // Loaded only now: help, usage errors and the refusal above need none of the stores and use cases.
  const { hexlinkFromConfig } = await import("../hexlink-from-config.js");
  return hexlinkFromConfig(config);
}

/** A command that writes its own output as it goes (import, export): its usage, options and positionals. */
export type StreamingCommand = Omit<StoreCommand, "run">;

/**
 * Parses a streaming command's arguments; null after printing its usage for `--help`.
 * @throws UsageError for a bad command line
 */
export function parseStreamingCommand(
  name: string,
  command: StreamingCommand,
  args: readonly string[],
  io: CliIo,
) {
  const asStoreCommand: StoreCommand = {
    ...command,
    run: () => Promise.reject(new Error(`${name} streams`)),
  };
  const parsed = parseCommand(asStoreCommand, args);
  if (!parsed.help) return parsed;
  io.stdout.write(`${commandUsage(name, asStoreCommand)}\n`);
  return null;
}
