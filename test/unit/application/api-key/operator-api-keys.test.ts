import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InMemoryApiKeyRepository } from "../../../../src/adapters/memory/in-memory-api-key-repository.js";
import { ListApiKeys } from "../../../../src/application/use-cases/api-key/list-api-keys.js";
import {
  API_KEY_NAME_MAX_LENGTH,
  RenameApiKey,
} from "../../../../src/application/use-cases/api-key/rename-api-key.js";
import { anApiKey } from "../../../../src/testing/builders.js";

async function repoWithKey() {
  const keys = new InMemoryApiKeyRepository();
  const key = anApiKey().build();
  await keys.create(key);
  return { keys, key };
}

/** A name an operator may give: printable, not blank, at most the maximum once trimmed. */
const arbName = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: API_KEY_NAME_MAX_LENGTH })
  .filter(
    (name) => name.trim() !== "" && name.trim().length <= API_KEY_NAME_MAX_LENGTH && !/\p{Cc}/u.test(name),
  );

describe("RenameApiKey and ListApiKeys (operator tools)", () => {
  it("stores any printable name trimmed, and ListApiKeys shows it", async () => {
    await fc.assert(
      fc.asyncProperty(arbName, async (name) => {
        const { keys, key } = await repoWithKey();
        await new RenameApiKey(keys).execute({ id: key.id, name: ` ${name} ` });
        const [listed] = await new ListApiKeys(keys).execute({ accountId: key.accountId });
        expect(listed).toMatchObject({ id: key.id, name: name.trim() });
        expect(listed).not.toHaveProperty("hash");
      }),
    );
  });

  it("refuses a blank name, one too long or with a control character, and an unknown key, changing nothing", async () => {
    const { keys, key } = await repoWithKey();
    const rename = new RenameApiKey(keys);
    for (const name of ["", "   ", "x".repeat(API_KEY_NAME_MAX_LENGTH + 1), "a\nb", "bell\u0007"]) {
      await expect(rename.execute({ id: key.id, name })).rejects.toMatchObject({ code: "invalid_request" });
    }
    await expect(rename.execute({ id: "key_unknown", name: "x" })).rejects.toMatchObject({
      code: "invalid_request",
    });
    expect((await keys.findById(key.id))?.name).toBeUndefined();
  });

  it("lists a key never renamed with a null name, oldest first", async () => {
    const keys = new InMemoryApiKeyRepository();
    const newer = anApiKey().withId("key_BBBBBBBBBBBBBBBBBBBBB").withHash("b".repeat(64)).build();
    const older = { ...anApiKey().build(), createdAt: new Date(newer.createdAt.getTime() - 1000) };
    await keys.create(newer);
    await keys.create(older);
    const listed = await new ListApiKeys(keys).execute({ accountId: older.accountId });
    expect(listed.map((key) => [key.id, key.name])).toEqual([
      [older.id, null],
      [newer.id, null],
    ]);
  });
});
