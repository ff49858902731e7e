import { createHash } from "node:crypto";
import type { KeyHasher } from "../../application/ports/technical.js";

/** SHA-256 of an API key, hex. Keys carry 192 random bits, so a fast hash is enough and allows lookup. */
export class Sha256KeyHasher implements KeyHasher {
  hash(key: string): string {
    return createHash("sha256").update(key, "utf8").digest("hex");
  }
}
