import { isIP } from "node:net";

/**
 * IPv4 blocks that are not on the public internet: this network, private, CGNAT, loopback, link-local, IETF
 * protocol assignments, documentation, benchmarking, multicast and reserved (with broadcast).
 */
export const NON_PUBLIC_V4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

/** A valid dotted IPv4 address as an unsigned 32-bit number (by hand: this runs for every new client). */
function ipv4Number(ip: string): number {
  let value = 0;
  let octet = 0;
  for (let index = 0; index < ip.length; index += 1) {
    const code = ip.charCodeAt(index);
    if (code === 46) {
      value = value * 256 + octet;
      octet = 0;
    } else {
      octet = octet * 10 + code - 48;
    }
  }
  return (value * 256 + octet) >>> 0;
}

const NON_PUBLIC_V4_BLOCKS = NON_PUBLIC_V4.map(([base, bits]) => ({
  base: ipv4Number(base) >>> (32 - bits),
  bits,
}));

function isPublicV4(ip: string): boolean {
  const address = ipv4Number(ip);
  return NON_PUBLIC_V4_BLOCKS.every(({ base, bits }) => address >>> (32 - bits) !== base);
}

function ipv4Text(high: number, low: number): string {
  return `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;
}

/** The eight 16-bit groups of a valid IPv6 address (dotted IPv4 tail included). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    const v4 = ipv4Number(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => Number.parseInt(group, 16));
}

/**
 * The address to look up for a client, or null when there is nothing to look up: unreadable, or not on the public
 * internet (private, loopback, link-local, documentation…). IPv4-mapped and NAT64 IPv6 come back as IPv4.
 */
export function publicAddress(raw: string): string | null {
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const zone = ip.indexOf("%");
  if (zone >= 0) ip = ip.slice(0, zone);
  const version = isIP(ip);
  if (version === 4) return isPublicV4(ip) ? ip : null;
  if (version !== 6) return null;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = ipv6Groups(ip);
  const mapped = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff;
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if (mapped || nat64) {
    const v4 = ipv4Text(g6, g7);
    return isPublicV4(v4) ? v4 : null;
  }
  // Only 2000::/3 is global unicast today; 2001:db8::/32 is for documentation.
  const globalUnicast = (g0 & 0xe000) === 0x2000 && !(g0 === 0x2001 && g1 === 0x0db8);
  return globalUnicast ? ip.toLowerCase() : null;
}
