import { createHmac, randomBytes } from "node:crypto";
import type { WebhookSigner } from "../../application/ports/webhook-sender.js";
import { WEBHOOK_SECRET_PREFIX } from "../../domain/webhook/webhook.js";

/** Standard Webhooks (standardwebhooks.com): `whsec_` + base64 secrets, HMAC-SHA256 `v1,` signatures. */
export class StandardWebhookSigner implements WebhookSigner {
  newSecret(): string {
    return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
  }

  signature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
    const key = Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(6) : secret, "base64");
    // The body is hashed as a Buffer: Hash.update(string) encodes a long string about ten times slower than
    // Buffer.from does (1 ms for 1,000 clicks), and one string of id, timestamp and body would be copied first.
    const mac = createHmac("sha256", key)
      .update(`${messageId}.${timestampSeconds}.`)
      .update(Buffer.from(body))
      .digest("base64");
    return `v1,${mac}`;
  }
}
