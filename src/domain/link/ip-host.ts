/**
 * IP hosts as the WHATWG URL parser spells them (dotted IPv4; bracketed, compressed, lower-case IPv6), read
 * by hand because the domain imports nothing: the destination rules need only these few questions.
 */

/** The four octets of a dotted IPv4 hostname, or of an IPv6 one that embeds IPv4 (mapped `::ffff:a.b.c.d`
 * or compatible `::a.b.c.d`); `null` otherwise. */
export function embeddedIpv4(hostname: string): readonly number[] | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  if (v4 !== null) {
    const octets = v4.slice(1).map(Number);
    return octets.every((o) => o <= 255) ? octets : null;
  }
  const groups = ipv6Groups(hostname);
  if (groups === null) return null;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const octets = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255];
  // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) carry an IPv4 address a gateway reaches too.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return octets(g6, g7);
  if (g0 === 0x2002) return octets(g1, g2);
  if (groups.slice(0, 5).some((g) => g !== 0)) return null;
  const marker = groups[5];
  const high = groups[6] ?? 0;
  const low = groups[7] ?? 0;
  // ::ffff:0:0/96 is mapped; ::/96 is the deprecated compatible form, except :: and ::1 themselves.
  if (marker === 0xffff || (marker === 0 && (high !== 0 || low > 1))) {
    return [high >> 8, high & 255, low >> 8, low & 255];
  }
  return null;
}

/**
 * The eight 16-bit groups of a bracketed IPv6 hostname (`[::1]`), or `null` when it is none. Besides the URL
 * parser's spelling it reads what resolvers print: a dotted IPv4 tail (`::ffff:127.0.0.1`), upper case, and a
 * zone id (`fe80::1%eth0`, dropped).
 */
export function ipv6Groups(hostname: string): readonly number[] | null {
  if (!hostname.startsWith("[") || !hostname.endsWith("]")) return null;
  const zone = hostname.indexOf("%");
  let text = hostname.slice(1, zone === -1 ? -1 : zone).toLowerCase();
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(2).map(Number);
    if ([a, b, c, d].some((octet) => octet === undefined || octet > 255)) return null;
    const hex = (high = 0, low = 0) => ((high << 8) | low).toString(16);
    text = `${dotted[1]}${hex(a, b)}:${hex(c, d)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part === undefined || part === "" ? [] : part.split(":"));
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => Number.parseInt(g, 16));
}

const PRIVATE_V4: readonly (readonly [number, number, number])[] = [
  // [first octet, second octet mask, second octet value]: this network, private, CGNAT, loopback, link-local.
  [0, 0, 0],
  [10, 0, 0],
  [100, 0xc0, 64],
  [127, 0, 0],
  [169, 0xff, 254],
  [172, 0xf0, 16],
  [192, 0xff, 168],
];

/**
 * True for `localhost` (and its subdomains) and for loopback, private, CGNAT, link-local, unique-local and
 * unspecified addresses in any spelling the URL parser leaves (IPv4 inside IPv6 included).
 */
export function isPrivateHost(hostname: string): boolean {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  const v4 = embeddedIpv4(hostname);
  if (v4 !== null) {
    const [a = 0, b = 0] = v4;
    // 224.0.0.0/4 multicast and 240.0.0.0/4 reserved (broadcast included) reach no public web server either.
    return a >= 224 || PRIVATE_V4.some(([first, mask, value]) => a === first && (b & mask) === value);
  }
  const groups = ipv6Groups(hostname);
  if (groups === null) return false;
  const first = groups[0] ?? 0;
  const zeroUntilLast = groups.slice(0, 7).every((g) => g === 0);
  return (
    (zeroUntilLast && (groups[7] ?? 0) <= 1) || // :: and ::1
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 // ff00::/8 multicast
  );
}
