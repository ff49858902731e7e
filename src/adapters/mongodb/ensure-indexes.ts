import type { Db } from "mongodb";
import { COLLECTIONS, INDEX_SPECS } from "./index-specs.js";

/**
 * Creates hexlink's indexes where missing; safe to run at every start. A collection with no index of its own
 * is skipped (the server refuses an empty `createIndexes`); it is created by its first write.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  const names = Object.keys(COLLECTIONS) as (keyof typeof COLLECTIONS)[];
  await Promise.all(
    names
      .filter((name) => INDEX_SPECS[name].length > 0)
      .map((name) => db.collection(COLLECTIONS[name]).createIndexes([...INDEX_SPECS[name]])),
  );
}
