import type { Db } from "mongodb";
import { COLLECTIONS, INDEX_SPECS } from "./index-specs.js";

/** Creates hexlink's collections and indexes where missing; safe to run at every start. */
export async function ensureIndexes(db: Db): Promise<void> {
  const names = Object.keys(COLLECTIONS) as (keyof typeof COLLECTIONS)[];
  await Promise.all(
    names.map((name) => db.collection(COLLECTIONS[name]).createIndexes([...INDEX_SPECS[name]])),
  );
}
