/** Now, as the application sees it. */
export interface Clock {
  now(): Date;
}

/** Random short codes for slugs. */
export interface CodeGenerator {
  /** A random code of `length` characters from the generator's alphabet. */
  generate(length: number): string;
}

/** Random identifiers and secrets (URL-safe). */
export interface IdGenerator {
  /** `prefix` + 21 URL-safe random characters. */
  id(prefix: string): string;
  /** A secret of at least 128 bits, URL-safe. */
  secret(): string;
}

/** One-way hashing of link passwords (slow, salted) and verification in constant time. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/** Deterministic hash of API keys (SHA-256), so a presented key can be looked up. */
export interface KeyHasher {
  hash(key: string): string;
}

/** Checks that a hostname publishes the expected DNS TXT record. */
export interface DomainVerifier {
  hasTxtRecord(name: string, value: string): Promise<boolean>;
}
