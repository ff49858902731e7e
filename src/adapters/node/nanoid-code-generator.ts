import { customAlphabet } from "nanoid";
import type { CodeGenerator } from "../../application/ports/technical.js";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random short codes from a fixed alphabet (62 characters by default), with crypto randomness. */
export class NanoidCodeGenerator implements CodeGenerator {
  private readonly byLength = new Map<number, () => string>();

  constructor(private readonly alphabet: string = BASE62) {}

  generate(length: number): string {
    let make = this.byLength.get(length);
    if (make === undefined) {
      make = customAlphabet(this.alphabet, length);
      this.byLength.set(length, make);
    }
    return make();
  }
}
