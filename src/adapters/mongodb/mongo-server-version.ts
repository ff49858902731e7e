import { MongoClient } from "mongodb";

/** The version a MongoDB server reports (`buildInfo`), for `hexlink doctor`; connects and closes its own client. */
export async function mongoServerVersion(url: string, timeoutMs: number): Promise<string> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs });
  try {
    const info = await client.db("admin").command({ buildInfo: 1 });
    return String(info.version);
  } finally {
    await client.close();
  }
}
