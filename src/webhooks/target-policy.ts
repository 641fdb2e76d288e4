/**
 * Which URLs a webhook may be sent to. A subscription target is a URL chosen by an API client, and
 * our server POSTs to it: without a policy, a client could make us call our own database, a cloud
 * metadata endpoint or any machine of the lender's private network (server-side request forgery).
 *
 * Checked twice: when a subscription is created (the URL and every address its host resolves to),
 * and at each connection (`guardedLookup`), because a DNS answer can change between the two.
 * Known gap: NAT64 prefixes (64:ff9b::/96) are treated as public.
 */
import { BlockList, isIP } from 'node:net'
import { lookup as dnsLookup } from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'

/** Ranges that can be allowed by configuration (development, tests, a receiver on the same LAN). */
export const ALLOWABLE_NETWORKS = ['loopback', 'private', 'link-local'] as const
export type AllowableNetwork = (typeof ALLOWABLE_NETWORKS)[number]
/** `reserved` (unspecified, multicast, broadcast, documentation…) is never allowed. */
export type AddressClass = 'public' | AllowableNetwork | 'reserved'

export interface TargetPolicy {
  /** Refuse `http:` targets (production mode). */
  requireHttps: boolean
  /** Non-public ranges webhooks may reach anyway. Empty in production. */
  allow: readonly AllowableNetwork[]
}

export type TargetRefusal =
  | 'TARGET_INVALID_URL'
  | 'TARGET_HTTPS_REQUIRED'
  | 'TARGET_ADDRESS_NOT_ALLOWED'
  | 'TARGET_NOT_RESOLVED'

export type TargetCheck =
  { ok: true; url: URL } | { ok: false; code: TargetRefusal; message: string }

const ranges = (entries: [string, number][]): BlockList => {
  const list = new BlockList()
  for (const [network, prefix] of entries) {
    list.addSubnet(network, prefix, network.includes(':') ? 'ipv6' : 'ipv4')
  }
  return list
}

// BlockList also matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 ranges.
const CLASSES: [Exclude<AddressClass, 'public'>, BlockList][] = [
  [
    'loopback',
    ranges([
      ['127.0.0.0', 8],
      ['::1', 128],
    ]),
  ],
  [
    'private',
    ranges([
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
      ['100.64.0.0', 10], // carrier-grade NAT, reachable only inside a provider's network
      ['fc00::', 7], // unique local addresses
    ]),
  ],
  [
    'link-local',
    ranges([
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ]),
  ], // 169.254.169.254: cloud metadata
  [
    'reserved',
    ranges([
      ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches the local host on Linux
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['224.0.0.0', 4], // multicast
      ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
      ['::', 128],
      ['ff00::', 8],
      ['2001:db8::', 32],
    ]),
  ],
]

/** The class of an IP address (v4 or v6, without brackets). */
export const classifyAddress = (address: string): AddressClass => {
  const family = isIP(address)
  if (family === 0) return 'reserved'
  const type = family === 4 ? 'ipv4' : 'ipv6'
  for (const [name, list] of CLASSES) if (list.check(address, type)) return name
  return 'public'
}

const addressAllowed = (address: string, policy: TargetPolicy): boolean => {
  const cls = classifyAddress(address)
  return cls === 'public' || (cls !== 'reserved' && policy.allow.includes(cls))
}

const refuse = (code: TargetRefusal, message: string): TargetCheck => ({ ok: false, code, message })

const notAllowedMessage = (address: string): string =>
  `target resolves to a ${classifyAddress(address)} address (${address}), which webhooks may not reach`

const notAllowed = (address: string): TargetCheck =>
  refuse('TARGET_ADDRESS_NOT_ALLOWED', notAllowedMessage(address))

/** The host of a URL as `net` expects it: IPv6 literals without their brackets. */
const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1')

/**
 * Checks what can be checked without DNS: an absolute http(s) URL, https in production, no
 * credentials in it, and an IP literal host inside the allowed ranges.
 */
export const checkTargetUrl = (raw: string, policy: TargetPolicy): TargetCheck => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('TARGET_INVALID_URL', 'target must be an absolute URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('TARGET_INVALID_URL', 'target must be an http or https URL')
  }
  if (policy.requireHttps && url.protocol !== 'https:') {
    return refuse('TARGET_HTTPS_REQUIRED', 'target must use https')
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('TARGET_INVALID_URL', 'target must not contain credentials; use the secret')
  }
  const host = bareHost(url)
  if (isIP(host) !== 0 && !addressAllowed(host, policy)) return notAllowed(host)
  return { ok: true, url }
}

type LookupAll = (hostname: string) => Promise<LookupAddress[]>

const lookupAll: LookupAll = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    )
  })

/**
 * `checkTargetUrl`, then resolves the host and refuses it if any of its addresses is outside the
 * allowed ranges (a receiver could otherwise add a private address to a public name).
 */
export const resolveAndCheckTarget = async (
  raw: string,
  policy: TargetPolicy,
  resolve: LookupAll = lookupAll,
): Promise<TargetCheck> => {
  const checked = checkTargetUrl(raw, policy)
  if (!checked.ok) return checked
  const host = bareHost(checked.url)
  if (isIP(host) !== 0) return checked
  let addresses: LookupAddress[]
  try {
    addresses = await resolve(host)
  } catch {
    return refuse('TARGET_NOT_RESOLVED', `target host ${host} does not resolve`)
  }
  if (addresses.length === 0)
    return refuse('TARGET_NOT_RESOLVED', `target host ${host} does not resolve`)
  const refused = addresses.find((a) => !addressAllowed(a.address, policy))
  return refused === undefined ? checked : notAllowed(refused.address)
}

/** Error raised by `guardedLookup`; its `code` lands in the delivery log. */
export class TargetNotAllowedError extends Error {
  readonly code = 'TARGET_ADDRESS_NOT_ALLOWED'
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * A `dns.lookup` replacement for the HTTP client's sockets: resolves as usual, then fails the
 * connection if an address is outside the allowed ranges. This is what stops DNS rebinding (a name
 * that resolved to a public address at subscription time and to 127.0.0.1 at delivery time).
 * Node calls it only for names; IP literals are checked by `checkTargetUrl` before sending.
 */
export const guardedLookup =
  (policy: TargetPolicy) =>
  (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, [])
      const refused = addresses.find((a) => !addressAllowed(a.address, policy))
      if (refused !== undefined) {
        return callback(new TargetNotAllowedError(notAllowedMessage(refused.address)), [])
      }
      if (options.all === true) return callback(null, addresses)
      const first = addresses[0]
      if (first === undefined) {
        return callback(
          Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }),
          [],
        )
      }
      return callback(null, first.address, first.family)
    })
  }
