import type { ParseArgsConfig } from "node:util";
import type { Hexlink } from "../../application/hexlink.js";

/** Where the CLI reads its configuration and writes its answers. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** The options a command's parsed command line holds: strings, booleans. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** What a command printed: the same answer as JSON (`--json`) and as lines for a person. */
export interface CommandAnswer {
  readonly json: unknown;
  readonly text: string;
}

/** One operator command of a group (`links create`), run against a hexlink core built from the environment. */
export interface StoreCommand {
  /** `<positional> --option <value>`: the part of the usage line after the command's name. */
  readonly synopsis: string;
  /** One sentence: what the command does. */
  readonly summary: string;
  readonly options?: NonNullable<ParseArgsConfig["options"]>;
  /** Names of the positionals it requires, in order. */
  readonly positionals?: readonly string[];
  /** Options it requires. */
  readonly required?: readonly string[];
  run(hexlink: Hexlink, args: CommandArgs): Promise<CommandAnswer>;
}

/** A command's parsed arguments: positionals by name, and options. */
export interface CommandArgs {
  readonly positionals: Readonly<Record<string, string>>;
  readonly values: OptionValues;
}

/** A command group (`keys`, `links`…): its commands by name. */
export type CommandGroup = Readonly<Record<string, StoreCommand>>;

/** A bad command line: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The string value of an option its command requires (checked before `run`). */
export function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string") throw new UsageError(`--${name} is required`);
  return value;
}

/** The string value of an option, or undefined when not given. */
export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** A whole number option (`--limit 20`); anything but decimal digits is a usage error. */
export function optionalCount(values: OptionValues, name: string): number | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

/** The option every store command takes: the account whose keys, domains or links it works on. */
export const ACCOUNT_OPTION = { account: { type: "string" } } as const;
