/**
 * IP addresses and CIDR ranges as rule conditions read them, by hand (the domain imports nothing): an address
 * is a family and a number (IPv4 in 32 bits, IPv6 in 128), so a range test is one shift and compare.
 * An IPv4 address spelled inside IPv6 (`::ffff:a.b.c.d`, how a dual-stack socket reports IPv4 clients) is read as
 * the IPv4 address, so an IPv4 range matches it.
 */
import { ipv6Groups } from "./ip-host.js";

export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface IpRange extends IpAddress {
  /** Leading bits that must match: 0–32 for IPv4, 0–128 for IPv6. */
  readonly prefix: number;
  /** The bits past the prefix: `value` shifted right by them is the network, compared once per visit. */
  readonly hostBits: bigint;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(text: string): bigint | null {
  const match = V4.exec(text);
  if (match === null) return null;
  // In a plain number (an IPv4 address fits), made a bigint once: the redirect path reads one per visit.
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = match[i] ?? "";
    // No leading zeros: "010" reads as octal in some parsers, so it is refused rather than guessed.
    if (part.length > 1 && part.startsWith("0")) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return BigInt(value);
}

function parseV6(text: string): bigint | null {
  let head = text;
  let v4Tail: bigint | null = null;
  if (text.includes(".")) {
    // A dotted IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups.
    const lastColon = text.lastIndexOf(":");
    v4Tail = parseV4(text.slice(lastColon + 1));
    if (v4Tail === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const groups = ipv6Groups(`[${head.toLowerCase()}]`);
  if (groups === null) return null;
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return v4Tail === null ? value : (value & ~0xffffffffn) | v4Tail;
}

const MAPPED_PREFIX = 0xffffn << 32n;

/** An address as text (`203.0.113.7`, `2001:db8::1`, `::ffff:203.0.113.7`, `[2001:db8::1]`), or null. */
export function parseIpAddress(text: string): IpAddress | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  // A zone (`fe80::1%eth0`) names an interface, not an address.
  const unzoned = bare.split("%")[0] ?? "";
  const v4 = parseV4(unzoned);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseV6(unzoned);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 - MAPPED_PREFIX };
  return { family: 6, value: v6 };
}

/** A CIDR range (`10.0.0.0/8`, `2001:db8::/32`) or a lone address (a /32 or /128), or null. */
export function parseIpRange(text: string): IpRange | null {
  const slash = text.indexOf("/");
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (address === null) return null;
  const bits = address.family === 4 ? 32 : 128;
  if (slash === -1) return { ...address, prefix: bits, hostBits: 0n };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  // A mapped IPv4 written in IPv6 keeps its IPv6 prefix length: `::ffff:10.0.0.0/104` is 10.0.0.0/8.
  const mappedShift = address.family === 4 && text.includes(":") ? 96 : 0;
  const prefix = Number(prefixText) - mappedShift;
  if (prefix < 0 || prefix > bits) return null;
  return { ...address, prefix, hostBits: BigInt(bits - prefix) };
}

/** The range in canonical text: the network address (host bits cleared) and its prefix length. */
export function formatIpRange(range: IpRange): string {
  const bits = range.family === 4 ? 32 : 128;
  const network = networkOf(range.value, range.prefix, bits);
  return `${range.family === 4 ? formatV4(network) : formatV6(network)}/${range.prefix}`;
}

/** True when the address lies in the range (same family, same leading `prefix` bits). */
export function ipInRange(address: IpAddress, range: IpRange): boolean {
  return address.family === range.family && address.value >> range.hostBits === range.value >> range.hostBits;
}

function networkOf(value: bigint, prefix: number, bits: number): bigint {
  const shift = BigInt(bits - prefix);
  return (value >> shift) << shift;
}

function formatV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join(".");
}

function formatV6(value: bigint): string {
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; ) {
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}
