import { createHmac } from "node:crypto";
import type { VisitorHasher } from "../../application/ports/click-classification.js";
import type { Day } from "../../domain/time/day.js";

/** Options of {@link HmacVisitorHasher}. */
export interface HmacVisitorHasherOptions {
  /** At least 16 characters (or bytes), kept out of the stores: whoever has it can test guesses of an IP. */
  readonly secret: string | Uint8Array;
}

const MIN_SECRET_LENGTH = 16;
const DIGEST_BYTES = 16;
const KEPT_DAY_KEYS = 4;

/** Visitor ids as HMAC-SHA256 of IP and user agent under a key derived from a secret and the UTC day. */
export class HmacVisitorHasher implements VisitorHasher {
  private readonly secret: string | Uint8Array;
  private readonly dayKeys = new Map<Day, Buffer>();

  constructor(options: HmacVisitorHasherOptions) {
    if (options.secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`The visitor hash secret must be at least ${MIN_SECRET_LENGTH} characters long.`);
    }
    this.secret = options.secret;
  }

  hash(day: Day, ip: string, userAgent: string): string {
    return createHmac("sha256", this.dayKey(day))
      .update(ip)
      .update("\u0000")
      .update(userAgent)
      .digest()
      .subarray(0, DIGEST_BYTES)
      .toString("base64url");
  }

  // A new key per day: yesterday's ids cannot be linked to today's, and a leaked day key exposes one day.
  private dayKey(day: Day): Buffer {
    let key = this.dayKeys.get(day);
    if (key === undefined) {
      key = createHmac("sha256", this.secret).update(`hexlink visitor salt ${day}`).digest();
      if (this.dayKeys.size >= KEPT_DAY_KEYS) this.dayKeys.clear();
      this.dayKeys.set(day, key);
    }
    return key;
  }
}
