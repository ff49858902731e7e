/** One HTTP POST of a signed webhook message. */
export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An answer (any status), or no answer: refused address, connection error, timeout. */
export type WebhookResponse =
  | { readonly kind: "answered"; readonly status: number }
  | { readonly kind: "failed"; readonly error: string };

/**
 * Posts webhook messages. Follows no redirect, reads at most a small part of the answer, gives up after its
 * timeout, and (unless private receivers are allowed) refuses hosts that resolve to loopback, private or
 * link-local addresses, connecting only to the address it checked.
 */
export interface WebhookSender {
  /** Why a URL may not receive webhooks (its host resolves to a refused address), or null when it may. */
  refusal(url: string): Promise<string | null>;
  /** Posts once; never throws. */
  send(request: WebhookRequest): Promise<WebhookResponse>;
}

/** Standard Webhooks secrets and signatures. */
export interface WebhookSigner {
  /** A new secret: `whsec_` and the base64 of 32 random bytes. */
  newSecret(): string;
  /** The `webhook-signature` header value of a message: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. */
  signature(secret: string, messageId: string, timestampSeconds: number, body: string): string;
}
