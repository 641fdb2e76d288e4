/**
 * Which URLs a webhook may be sent to. A subscription target is a URL chosen by an API client, and
 * our server POSTs to it: without a policy, a client could make us call our own database, a cloud
 * metadata endpoint or any machine of the lender's private network (server-side request forgery).
 *
 * Checked twice: when a subscription is created (the URL and every address its host resolves to),
 * and at each connection (`guardedLookup`), because a DNS answer can change between the two.
 * IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible
 * `::a.b.c.d`, 6to4 `2002:aabb:ccdd::/48`, NAT64 `64:ff9b::a.b.c.d` and its local-use
 * `64:ff9b:1::/48`) are judged by the IPv4 address they carry. Cloud metadata endpoints are never
 * allowed, even when link-local is.
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

/**
 * Instance metadata services: 169.254.169.254 (AWS, GCP, Azure, OpenStack…), 169.254.170.2 (ECS
 * task credentials) and AWS's IPv6 fd00:ec2::254. They hand out the machine's credentials, so no
 * setting allows them (a receiver on the link-local network never needs them).
 */
const METADATA = new BlockList()
METADATA.addAddress('169.254.169.254', 'ipv4')
METADATA.addAddress('169.254.170.2', 'ipv4')
METADATA.addAddress('fd00:ec2::254', 'ipv6')

/** The eight 16-bit words of an IPv6 address (`isIP` already said it is one). */
const ipv6Words = (address: string): number[] => {
  let text = address.split('%')[0] ?? ''
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const words = (part: string) => (part === '' ? [] : part.split(':').map((w) => parseInt(w, 16)))
  const first = words(head)
  const last = tail === undefined ? [] : words(tail)
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last]
}

const ipv4Of = (high: number, low: number): string =>
  [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')

/**
 * The IPv4 address an IPv6 address carries, in the forms a connection can reach it through:
 * IPv4-compatible (`::a.b.c.d`, deprecated but still routed by some stacks), 6to4 (`2002::/16`,
 * the address in bits 16–47) and NAT64 (`64:ff9b::/96` well-known and `64:ff9b:1::/48`
 * local-use, the address in the last 32 bits). IPv4-mapped addresses are handled by BlockList.
 */
export const embeddedIpv4 = (address: string): string | undefined => {
  if (isIP(address) !== 6) return undefined
  const w = ipv6Words(address)
  const [w0, w1, w2, w3, w4, w5, w6, w7] = w as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (w0 === 0x2002) return ipv4Of(w1, w2)
  if (w0 === 0x64 && w1 === 0xff9b && (w2 === 1 || (w2 | w3 | w4 | w5) === 0)) {
    return ipv4Of(w6, w7)
  }
  // ::a.b.c.d, except :: and ::1 (their own classes)
  if ((w0 | w1 | w2 | w3 | w4 | w5) === 0 && (w6 !== 0 || w7 > 1)) return ipv4Of(w6, w7)
  return undefined
}

const classOfOne = (address: string, type: 'ipv4' | 'ipv6'): AddressClass => {
  if (METADATA.check(address, type)) return 'reserved'
  for (const [name, list] of CLASSES) if (list.check(address, type)) return name
  return 'public'
}

/**
 * The class of an IP address (v4 or v6, without brackets). Cloud metadata addresses are
 * `reserved`: never allowed. An IPv6 address carrying an IPv4 one has the IPv4 address's class.
 */
export const classifyAddress = (address: string): AddressClass => {
  const family = isIP(address)
  if (family === 0) return 'reserved'
  const embedded = embeddedIpv4(address)
  if (embedded !== undefined) return classOfOne(embedded, 'ipv4')
  return classOfOne(address, family === 4 ? 'ipv4' : 'ipv6')
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
