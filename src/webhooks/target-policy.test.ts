import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { LookupAddress } from 'node:dns'
import {
  checkTargetUrl,
  classifyAddress,
  guardedLookup,
  resolveAndCheckTarget,
  TargetNotAllowedError,
  type TargetPolicy,
} from './target-policy.ts'

const production: TargetPolicy = { requireHttps: true, allow: [] }
const tests: TargetPolicy = { requireHttps: false, allow: ['loopback'] }

test('classifies addresses into public, loopback, private, link-local and reserved', () => {
  const table: [string, ReturnType<typeof classifyAddress>][] = [
    ['93.184.215.14', 'public'],
    ['2606:4700::6810:85e5', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'reserved'], // cloud metadata: never allowed
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['not an address', 'reserved'],
  ]
  for (const [address, expected] of table) assert.equal(classifyAddress(address), expected, address)
})

test('IPv6 forms carrying a refused IPv4 address have its class', () => {
  const table: [string, ReturnType<typeof classifyAddress>][] = [
    ['::127.0.0.1', 'loopback'], // IPv4-compatible
    ['::10.0.0.1', 'private'],
    ['::169.254.169.254', 'reserved'],
    ['2002:7f00:1::', 'loopback'], // 6to4 of 127.0.0.1
    ['2002:a00:1::1', 'private'], // 6to4 of 10.0.0.1
    ['2002:a9fe:a9fe::', 'reserved'], // 6to4 of 169.254.169.254
    ['2002:5db8:d70e::1', 'public'], // 6to4 of a public address stays public
    ['64:ff9b::127.0.0.1', 'loopback'], // NAT64 well-known prefix
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'reserved'],
    ['64:ff9b:1::c0a8:101', 'private'], // NAT64 local-use prefix, 192.168.1.1
    ['64:ff9b::8.8.8.8', 'public'],
    ['::ffff:169.254.169.254', 'reserved'],
    ['fd00:ec2::254', 'reserved'], // AWS metadata over IPv6
  ]
  for (const [address, expected] of table) assert.equal(classifyAddress(address), expected, address)
  for (const url of [
    'https://[::127.0.0.1]/hook',
    'https://[2002:7f00:1::]/hook',
    'https://[64:ff9b::7f00:1]/hook',
  ]) {
    assert.equal(checkTargetUrl(url, production).ok, false, url)
  }
})

test('cloud metadata is refused even when link-local networks are allowed', async () => {
  const linkLocal: TargetPolicy = { requireHttps: false, allow: ['link-local'] }
  assert.equal(checkTargetUrl('http://169.254.1.1/hook', linkLocal).ok, true)
  for (const url of [
    'http://169.254.169.254/latest/meta-data',
    'http://169.254.170.2/v2/credentials',
    'http://[::ffff:169.254.169.254]/',
    'http://[fd00:ec2::254]/',
  ]) {
    const everything: TargetPolicy = {
      requireHttps: false,
      allow: ['loopback', 'private', 'link-local'],
    }
    const checked = checkTargetUrl(url, everything)
    assert.equal(checked.ok, false, url)
  }
  const resolved = await resolveAndCheckTarget('http://metadata.internal/', linkLocal, () =>
    Promise.resolve([{ address: '169.254.169.254', family: 4 }]),
  )
  assert.equal(resolved.ok, false)
})

test('checks the URL itself before any DNS', () => {
  const refusals: [string, TargetPolicy, string][] = [
    ['not a url', tests, 'TARGET_INVALID_URL'],
    ['ftp://example.com/hook', tests, 'TARGET_INVALID_URL'],
    ['http://example.com/hook', production, 'TARGET_HTTPS_REQUIRED'],
    ['https://user:pw@example.com/hook', production, 'TARGET_INVALID_URL'],
    ['https://127.0.0.1/hook', production, 'TARGET_ADDRESS_NOT_ALLOWED'],
    ['https://[::1]/hook', production, 'TARGET_ADDRESS_NOT_ALLOWED'],
    ['https://2130706433/hook', production, 'TARGET_ADDRESS_NOT_ALLOWED'], // 127.0.0.1 as one number
    ['https://0x7f.1/hook', production, 'TARGET_ADDRESS_NOT_ALLOWED'],
    ['https://169.254.169.254/latest/meta-data', production, 'TARGET_ADDRESS_NOT_ALLOWED'],
    ['http://10.0.0.5/hook', tests, 'TARGET_ADDRESS_NOT_ALLOWED'],
    [
      'http://0.0.0.0:8080/hook',
      { requireHttps: false, allow: ['loopback', 'private', 'link-local'] },
      'TARGET_ADDRESS_NOT_ALLOWED',
    ],
  ]
  for (const [url, policy, code] of refusals) {
    const check = checkTargetUrl(url, policy)
    assert.equal(check.ok ? 'ok' : check.code, code, url)
  }
  assert.equal(checkTargetUrl('https://example.com/hook', production).ok, true)
  assert.equal(checkTargetUrl('http://127.0.0.1:3000/hook', tests).ok, true)
  assert.equal(
    checkTargetUrl('http://10.0.0.5/hook', { requireHttps: false, allow: ['private'] }).ok,
    true,
  )
})

test('refuses a name when any of its addresses is refused', async () => {
  const dns =
    (map: Record<string, string[]>) =>
    async (host: string): Promise<LookupAddress[]> => {
      const addresses = map[host]
      if (addresses === undefined)
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    }
  const resolver = dns({
    'hooks.example.com': ['93.184.215.14'],
    'sneaky.example.com': ['93.184.215.14', '10.0.0.1'],
    'empty.example.com': [],
  })
  const code = async (url: string): Promise<string> => {
    const check = await resolveAndCheckTarget(url, production, resolver)
    return check.ok ? 'ok' : check.code
  }
  assert.equal(await code('https://hooks.example.com/hook'), 'ok')
  assert.equal(await code('https://sneaky.example.com/hook'), 'TARGET_ADDRESS_NOT_ALLOWED')
  assert.equal(await code('https://nowhere.example.com/hook'), 'TARGET_NOT_RESOLVED')
  assert.equal(await code('https://empty.example.com/hook'), 'TARGET_NOT_RESOLVED')
  assert.equal(await code('http://hooks.example.com/hook'), 'TARGET_HTTPS_REQUIRED')
})

test('resolves real names with the system resolver', async () => {
  const refused = await resolveAndCheckTarget('https://localhost/hook', production)
  assert.equal(refused.ok ? 'ok' : refused.code, 'TARGET_ADDRESS_NOT_ALLOWED')
  const allowed = await resolveAndCheckTarget('http://localhost/hook', {
    requireHttps: false,
    allow: ['loopback'],
  })
  assert.equal(allowed.ok, true)
})

test('the connection-time lookup refuses names that resolve into refused ranges', async () => {
  const lookup = (policy: TargetPolicy, all: boolean) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) =>
      guardedLookup(policy)('localhost', { all }, (err, address) => resolve({ err, address })),
    )
  const refused = await lookup(production, false)
  assert.ok(refused.err instanceof TargetNotAllowedError)
  assert.equal(refused.err.code, 'TARGET_ADDRESS_NOT_ALLOWED')
  const one = await lookup(tests, false)
  assert.equal(one.err, null)
  assert.equal(classifyAddress(String(one.address)), 'loopback')
  const all = await lookup(tests, true)
  assert.ok(Array.isArray(all.address) && all.address.length > 0)
})
