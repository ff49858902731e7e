import { ListApiKeys, type NamedApiKeyView } from "../../application/use-cases/api-key/list-api-keys.js";
import { RenameApiKey } from "../../application/use-cases/api-key/rename-api-key.js";
import { API_KEY_SCOPES } from "../../domain/api-key/key-access.js";
import {
  ACCOUNT_OPTION,
  type CommandGroup,
  optionalString,
  requiredString,
  UsageError,
} from "./cli-command.js";
import { shownDate, table } from "./cli-table.js";

function keyRows(keys: readonly NamedApiKeyView[]): string {
  if (keys.length === 0) return "no keys";
  return table(
    [
      "id",
      "name",
      "account",
      "created",
      "revoked",
      "api access",
      "scopes",
      "domains",
      "expires",
      "last used",
    ],
    keys.map((key) => [
      key.id,
      key.name ?? "-",
      key.accountId,
      shownDate(key.createdAt),
      shownDate(key.revokedAt),
      key.apiAccess ? "yes" : "no",
      key.scopes.length === API_KEY_SCOPES.length ? "all" : key.scopes.join(",") || "none",
      key.domains === null ? "all" : key.domains.join(","),
      shownDate(key.expiresAt),
      shownDate(key.lastUsedAt),
    ]),
  );
}

// Operator-only use cases are built here from the stores: the server never serves them.
/** `hexlink keys …`: API keys of an account (keys seeded from HEXLINK_API_KEYS are listed like any other). */
export const keysCommands: CommandGroup = {
  list: {
    synopsis: "--account <name>",
    summary: "list an account's API keys (revoked ones too) with their ids",
    options: ACCOUNT_OPTION,
    required: ["account"],
    async run(hexlink, { values }) {
      const keys = await new ListApiKeys(hexlink.stores.apiKeys).execute({
        accountId: requiredString(values, "account"),
      });
      return { json: { keys }, text: keyRows(keys) };
    },
  },
  create: {
    synopsis:
      "--account <name> [--name <label>] [--scopes a,b] [--domains h1,h2] [--expires <ISO date | 30d | 12h>]",
    summary: `make an API key (printed once; only its hash is stored); scopes: ${API_KEY_SCOPES.join(", ")} (default all)`,
    options: {
      ...ACCOUNT_OPTION,
      name: { type: "string" },
      scopes: { type: "string" },
      domains: { type: "string" },
      expires: { type: "string" },
    },
    required: ["account"],
    async run(hexlink, { values }) {
      const name = optionalString(values, "name");
      const scopes = listOption(values, "scopes");
      const domains = listOption(values, "domains");
      const expires = optionalString(values, "expires");
      const { key, apiKey } = await hexlink.createApiKey.execute({
        accountId: requiredString(values, "account"),
        ...(name === undefined ? {} : { name }),
        ...(scopes === undefined ? {} : { scopes }),
        ...(domains === undefined ? {} : { domains }),
        ...(expires === undefined ? {} : { expiresAt: expiryOption(expires, hexlink.clock.now()) }),
      });
      const limits = [
        `scopes:  ${apiKey.scopes.join(", ") || "none"}`,
        `domains: ${apiKey.domains === null ? "all" : apiKey.domains.join(", ")}`,
        `expires: ${shownDate(apiKey.expiresAt)}`,
      ].join("\n");
      return {
        json: { key, api_key: apiKey },
        text: `key id:  ${apiKey.id}\naccount: ${apiKey.accountId}\n${limits}\nkey:     ${key}\nStore the key now: it is not shown again.`,
      };
    },
  },
  revoke: {
    synopsis: "<key-id>",
    summary: "revoke a key by its id (key_…); it stops working at once",
    positionals: ["key-id"],
    async run(hexlink, { positionals }) {
      const id = positionals["key-id"] ?? "";
      await hexlink.revokeApiKey.execute({ id });
      return { json: { revoked: id }, text: `revoked ${id}` };
    },
  },
  rename: {
    synopsis: "<key-id> <name>",
    summary: "name a key (a label shown by keys list, e.g. what uses it)",
    positionals: ["key-id", "name"],
    async run(hexlink, { positionals }) {
      const id = positionals["key-id"] ?? "";
      const name = positionals.name ?? "";
      await new RenameApiKey(hexlink.stores.apiKeys).execute({ id, name });
      return { json: { renamed: id, name: name.trim() }, text: `renamed ${id} to ${name.trim()}` };
    },
  },
};

/** A comma-separated option as a list (`--scopes links:read,analytics:read`); `--scopes ""` is the empty list. */
function listOption(
  values: Readonly<Record<string, string | boolean | undefined>>,
  name: string,
): string[] | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `--expires`: an ISO 8601 date-time, or a duration from now in days or hours (`30d`, `12h`). */
function expiryOption(value: string, now: Date): Date {
  const duration = /^(\d{1,5})([dh])$/.exec(value);
  if (duration !== null) {
    const hours = Number(duration[1]) * (duration[2] === "d" ? 24 : 1);
    return new Date(now.getTime() + hours * 3_600_000);
  }
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(
      "--expires must be an ISO 8601 date-time (2026-12-31T00:00:00Z) or a duration (30d, 12h)",
    );
  }
  return new Date(value);
}
