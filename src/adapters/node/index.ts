// hexlink/node: the technical ports on Node: clock, timers, ids and codes, hashing, DNS verification.
export { DnsDomainVerifier } from "./dns-domain-verifier.js";
export { NanoidCodeGenerator } from "./nanoid-code-generator.js";
export { NanoidIdGenerator } from "./nanoid-id-generator.js";
export { NodeScheduler } from "./node-scheduler.js";
export { NodeWebhookSender, type NodeWebhookSenderOptions } from "./node-webhook-sender.js";
export { ScryptPasswordHasher } from "./scrypt-password-hasher.js";
export { Sha256KeyHasher } from "./sha256-key-hasher.js";
export { StandardWebhookSigner } from "./standard-webhook-signer.js";
export { SystemClock } from "./system-clock.js";
