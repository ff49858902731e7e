import { nanoid } from "nanoid";
import type { IdGenerator } from "../../application/ports/technical.js";

/** Ids and secrets from nanoid: 21 URL-safe characters carry 126 bits; secrets use 32 (192 bits). */
export class NanoidIdGenerator implements IdGenerator {
  id(prefix: string): string {
    return `${prefix}${nanoid(21)}`;
  }

  secret(): string {
    return nanoid(32);
  }
}
