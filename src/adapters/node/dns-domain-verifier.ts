import { promises as dns } from "node:dns";
import type { DomainVerifier } from "../../application/ports/technical.js";

/** Looks up TXT records over DNS; a lookup failure is "not found", never an exception. */
export class DnsDomainVerifier implements DomainVerifier {
  constructor(
    private readonly resolveTxt: (name: string) => Promise<string[][]> = (name) => dns.resolveTxt(name),
  ) {}

  async hasTxtRecord(name: string, value: string): Promise<boolean> {
    try {
      const records = await this.resolveTxt(name);
      // A long TXT record arrives in 255-byte chunks; join them back.
      return records.some((chunks) => chunks.join("") === value);
    } catch {
      return false;
    }
  }
}
