export { DnsDomainVerifier } from "./dns-domain-verifier.js";
export { BASE62, NanoidCodeGenerator } from "./nanoid-code-generator.js";
export { NanoidIdGenerator } from "./nanoid-id-generator.js";
export { NodeScheduler } from "./node-scheduler.js";
export { ScryptPasswordHasher } from "./scrypt-password-hasher.js";
export { Sha256KeyHasher } from "./sha256-key-hasher.js";
export { SystemClock } from "./system-clock.js";
