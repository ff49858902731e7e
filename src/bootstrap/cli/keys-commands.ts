import { ListApiKeys, type NamedApiKeyView } from "../../application/use-cases/api-key/list-api-keys.js";
import { RenameApiKey } from "../../application/use-cases/api-key/rename-api-key.js";
import { ACCOUNT_OPTION, type CommandGroup, requiredString } from "./cli-command.js";
import { shownDate, table } from "./cli-table.js";

function keyRows(keys: readonly NamedApiKeyView[]): string {
  if (keys.length === 0) return "no keys";
  return table(
    ["id", "name", "account", "created", "revoked", "api access"],
    keys.map((key) => [
      key.id,
      key.name ?? "-",
      key.accountId,
      shownDate(key.createdAt),
      shownDate(key.revokedAt),
      key.apiAccess ? "yes" : "no",
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
    synopsis: "--account <name>",
    summary: "make an API key (printed once; only its hash is stored)",
    options: ACCOUNT_OPTION,
    required: ["account"],
    async run(hexlink, { values }) {
      const { key, apiKey } = await hexlink.createApiKey.execute({
        accountId: requiredString(values, "account"),
      });
      return {
        json: { key, api_key: apiKey },
        text: `key id:  ${apiKey.id}\naccount: ${apiKey.accountId}\nkey:     ${key}\nStore the key now: it is not shown again.`,
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
