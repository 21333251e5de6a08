import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is on the public internet: global unicast only. Private, loopback, link-local,
 * unique-local, CGNAT, multicast, reserved and the like are not; an IPv4-mapped IPv6 address is judged as the
 * IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

export class AddressNotAllowedError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, which is not a public address`);
    this.name = 'AddressNotAllowedError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s) requests that refuses a host whose resolved addresses are not all public: checked on
 * the address the socket will connect to, so a name that resolved to a public address at creation and to a
 * private one now (DNS rebinding) is refused too.
 */
export function publicOnlyLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, options.all ? [] : '');
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new AddressNotAllowedError(hostname, refused.address), options.all ? [] : '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** Why `hostname` may not be a webhook target (an address literal or a name resolving to one not public), or null. */
export async function nonPublicAddressOf(hostname: string): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPublicAddress(host) ? null : host;
  const addresses = await new Promise<LookupAddress[]>((resolve) => {
    dnsLookup(host, { all: true }, (error, found) => resolve(error ? [] : found));
  });
  return addresses.find((entry) => !isPublicAddress(entry.address))?.address ?? null;
}
