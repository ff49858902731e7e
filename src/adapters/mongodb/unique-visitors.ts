import { createHash } from "node:crypto";

/**
 * Exact visitor ids kept per link and day. Past it a day's count comes from its HyperLogLog registers,
 * which every flush also updates (with `$max`), so the estimate covers every visitor of the day.
 */
export const VISITOR_CAP = 1000;

/** log2 of the register count: 2,048 registers, a standard error of about 2.3%. */
const PRECISION = 11;
const REGISTERS = 2 ** PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

/** HyperLogLog register index → rank for a set of visitor ids, merged by maximum. */
export function visitorRegisters(visitors: Iterable<string>): Map<number, number> {
  const registers = new Map<number, number>();
  for (const visitor of visitors) {
    const digest = createHash("sha256").update(visitor).digest();
    const high = digest.readUInt32BE(0);
    const index = high >>> (32 - PRECISION);
    // The rank is the position of the first 1 bit after the index bits, over the next 53 bits of the hash.
    const rest = (high << PRECISION) >>> 0;
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - PRECISION + Math.clz32(digest.readUInt32BE(4)) + 1;
    registers.set(index, Math.max(registers.get(index) ?? 0, rank));
  }
  return registers;
}

/** Merges registers into `into` by maximum, as `$max` does in the store. */
export function mergeRegisters(into: Map<number, number>, registers: Iterable<[number, number]>): void {
  for (const [index, rank] of registers) into.set(index, Math.max(into.get(index) ?? 0, rank));
}

/** The HyperLogLog estimate of distinct visitors, with linear counting for small cardinalities. */
export function estimateVisitors(registers: ReadonlyMap<number, number>): number {
  let sum = REGISTERS - registers.size;
  let zeros = REGISTERS - registers.size;
  for (const rank of registers.values()) {
    sum += 2 ** -rank;
    if (rank === 0) zeros += 1;
  }
  const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
  if (raw <= 2.5 * REGISTERS && zeros > 0) return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
  return Math.round(raw);
}
