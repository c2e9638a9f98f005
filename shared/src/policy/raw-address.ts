import { z } from 'zod';

/**
 * Raw IP-address navigation (issue 21). A block-list profile refuses a page addressed by IP unless
 * the school allows that address or range (its own servers): an address skips every domain rule.
 *
 * Chromium, like the WHATWG URL parser, rewrites every IPv4 notation (decimal `2130706433`, hex
 * `0x7f.1`, octal `0177.0.0.1`, short `127.1`) to dotted form before any rule sees the URL
 * (checked in real Chromium by the bypass suite), so dotted IPv4 and bracketed IPv6 are all the
 * rules need to match.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Number(text: string): number | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return null;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

/** The canonical form of an IPv6 address (as `new URL` writes it, without brackets), or null. */
function ipv6Canonical(text: string): string | null {
  if (!text.includes(':')) return null;
  try {
    const host = new URL(`http://[${text.replace(/^\[|\]$/g, '')}]/`).hostname;
    return host.slice(1, -1);
  } catch {
    return null;
  }
}

/** An IPv4 address, an IPv4 range in CIDR form (`10.0.0.0/8`), or an IPv6 address. */
export const AddressRangeSchema = z
  .string()
  .trim()
  .refine((value) => parseAddressRange(value) !== null, {
    message: 'an IPv4 address, an IPv4 range such as 10.0.0.0/8, or an IPv6 address',
  });

export type AddressRange = { v: 4; first: number; last: number } | { v: 6; address: string };

export function parseAddressRange(value: string): AddressRange | null {
  const [address = '', bits, ...rest] = value.trim().split('/');
  if (rest.length > 0) return null;
  const v4 = ipv4Number(address);
  if (v4 !== null) {
    if (bits === undefined) return { v: 4, first: v4, last: v4 };
    if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) return null;
    const size = 2 ** (32 - Number(bits));
    const first = Math.floor(v4 / size) * size;
    return { v: 4, first, last: first + size - 1 };
  }
  if (bits !== undefined) return null;
  const v6 = ipv6Canonical(address);
  return v6 === null ? null : { v: 6, address: v6 };
}

/** The address a URL host names (`127.0.0.1`, `[::1]`), or null for a host name. */
export function hostAddress(host: string): AddressRange | null {
  const v4 = ipv4Number(host);
  if (v4 !== null) return { v: 4, first: v4, last: v4 };
  if (host.startsWith('[')) {
    const v6 = ipv6Canonical(host);
    return v6 === null ? null : { v: 6, address: v6 };
  }
  return null;
}

export function addressAllowed(address: AddressRange, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const range = parseAddressRange(entry);
    if (!range || range.v !== address.v) return false;
    if (range.v === 6 || address.v === 6)
      return range.v === 6 && address.v === 6 && range.address === address.address;
    return address.first >= range.first && address.last <= range.last;
  });
}

/** An RE2 alternation matching the decimal numbers lo..hi (0 ≤ lo ≤ hi ≤ 255). */
function octetRange(lo: number, hi: number): string {
  if (lo === 0 && hi === 255) return '[0-9]{1,3}';
  if (lo === hi) return String(lo);
  return `(?:${Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).join('|')})`;
}

const PREFIX = '^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?';
const SUFFIX = '(?::[0-9]+)?(?:[/?#]|$)';

/** Every navigation to a dotted IPv4 address or a bracketed IPv6 one. */
export const RAW_ADDRESS_REGEX = `${PREFIX}(?:(?:[0-9]{1,3}\\.){3}[0-9]{1,3}|\\[[0-9a-fA-F:.]+\\])${SUFFIX}`;

/** A regex for the URLs whose host lies in an allowed address or range. */
export function addressRangeRegex(range: AddressRange): string {
  if (range.v === 6) return `${PREFIX}\\[${range.address.replace(/\./g, '\\.')}\\]${SUFFIX}`;
  const octets: string[] = [];
  for (let i = 3; i >= 0; i--) {
    const shift = 256 ** i;
    const lo = Math.floor(range.first / shift) % 256;
    const hi = Math.floor(range.last / shift) % 256;
    octets.push(octetRange(lo, hi));
    // A CIDR range is a fixed prefix, then one octet's span, then whole octets.
    if (lo !== hi) {
      for (let j = i - 1; j >= 0; j--) octets.push(octetRange(0, 255));
      break;
    }
  }
  return `${PREFIX}${octets.join('\\.')}${SUFFIX}`;
}
