/**
 * The hosted page in a real browser (Debian's Chromium through playwright-core), served on a real
 * port: the whole risk report flow with the sandbox bank and with a statement upload, in two
 * languages, and once with JavaScript disabled. Every screen is kept as a screenshot under
 * `test-artifacts/hosted-page/` and checked for the lender's name and for no raw stack or error
 * page. One browser and one server for the file.
 */
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createClient, type NewClient } from '../../src/app/clients.ts'
import { sandboxAccounts } from '../../src/hosted/sources/sandbox-bank.ts'
import { startHarness, type Harness } from '../http/harness.ts'
import { artifactDir, contextOptions, launchBrowser } from '../support/browser.ts'
import { writeCamt053 } from '../support/write-statements.ts'

const LENDER = 'Acme Lending'

let harness: Harness
let browser: Browser
let base: string
let lender: NewClient
let dir: string
/** The lender's site: records each callback's query. */
let callbackServer: Server
let callbackUrl: string
const callbacks: URLSearchParams[] = []

before(async () => {
  ;[harness, browser, dir] = await Promise.all([
    // No analysis worker: the browser's part ends on the lender's callback.
    startHarness(),
    launchBrowser(),
    artifactDir('hosted-page'),
  ])
  base = await harness.app.listen({ port: 0, host: '127.0.0.1' })
  lender = await createClient(harness.runtime.deps, { name: LENDER })
  callbackServer = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    // The browser also asks for /favicon.ico.
    if (url.pathname === '/callback') callbacks.push(url.searchParams)
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Lender</title><h1>Back at the lender</h1>')
  })
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve))
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback` // a TCP server's address
})
after(async () => {
  await browser?.close()
  await new Promise((resolve) => callbackServer?.close(resolve))
  await harness?.close()
})

const createLink = async (body: Record<string, unknown>) => {
  const response = await fetch(`${base}/onetime/risk-report`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${lender.clientId}:${lender.clientSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ redirect_uri: callbackUrl, ...body }),
  })
  assert.equal(response.status, 201)
  // The risk report API's documented answer.
  return (await response.json()) as { location: string; id: string }
}

/** Screenshots the screen and checks what every screen must show. */
const check = async (page: Page, name: string) => {
  await page.screenshot({ path: join(dir, `${name}.png`) })
  assert.equal((await page.textContent('#lender'))?.trim(), LENDER, `${name}: lender's name`)
  const text = (await page.textContent('body')) ?? ''
  assert.doesNotMatch(
    text,
    /\bat .+:\d+:\d+|Internal Server Error|"statusCode"|TypeError|FST_/,
    name,
  )
  assert.equal(await page.locator('h1').count(), 1, `${name}: one heading`)
  // Every visible input has a label (accessibility).
  for (const input of await page.locator('input:not([type=hidden])').all()) {
    const id = await input.getAttribute('id')
    assert.ok(
      id && (await page.locator(`label[for="${id}"]`).count()) === 1,
      `${name}: label of ${id}`,
    )
  }
}

const press = async (page: Page, label: RegExp) => {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: label }).click(),
  ])
  await page.waitForLoadState('load')
}

const walkSandbox = async (page: Page, prefix: string, words: Record<string, RegExp>) => {
  await check(page, `${prefix}-1-consent`)
  await page.getByLabel(words.consent as RegExp).check()
  await press(page, words.next as RegExp)
  await check(page, `${prefix}-2-account-type`)
  await page.getByLabel(words.savings as RegExp).check()
  await press(page, words.next as RegExp)
  await check(page, `${prefix}-3-source`)
  await page.locator('#source-sandbox').check()
  await press(page, words.next as RegExp)
  await check(page, `${prefix}-4-login`)
  await page.locator('#username').fill('good-fr')
  await page.locator('#pin').fill('0000')
  await press(page, words.next as RegExp)
  await check(page, `${prefix}-5-login-wrong-pin`)
  assert.match((await page.textContent('[role=alert]')) ?? '', /10001/)
  await page.locator('#username').fill('good-fr')
  await page.locator('#pin').fill('1234')
  await press(page, words.next as RegExp)
  await check(page, `${prefix}-6-otp`)
  await page.locator('#otp').fill('123456')
  await press(page, words.next as RegExp)
  await check(page, `${prefix}-7-select`)
  assert.ok((await page.locator('input[name=accounts]').count()) >= 2)
  await page.locator('input[name=accounts]').nth(1).check()
  await press(page, words.share as RegExp)
}

const ENGLISH = {
  consent: /I agree/,
  next: /^Continue$/,
  savings: /Savings account/,
  share: /^Share$/,
}
const FRENCH = {
  consent: /J’accepte/,
  next: /^Continuer$/,
  savings: /Compte d’épargne/,
  share: /^Partager$/,
}

const expectCallback = async (page: Page, flowId: string, state: string) => {
  await page.waitForURL(/\/callback\?/)
  assert.match((await page.textContent('h1')) ?? '', /Back at the lender/)
  const query = callbacks.at(-1)
  assert.ok(query)
  assert.equal(query.get('success'), 'true')
  assert.equal(query.get('state'), state)
  assert.equal(query.get('flow_id'), flowId)
  assert.ok((query.get('code') ?? '').length >= 32)
}

describe('hosted page in a browser', () => {
  it('walks the sandbox bank in English', async () => {
    const link = await createLink({ language: 'en', state: 'en-1', name: 'Camille Dubois' })
    const context = await browser.newContext(contextOptions(true))
    const page = await context.newPage()
    await page.goto(link.location)
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    await walkSandbox(page, 'sandbox-en', ENGLISH)
    await expectCallback(page, link.id, 'en-1')
    await context.close()
  })

  it('uploads a statement in German', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const camt = writeCamt053(
      (sandboxAccounts('good-de', today) ?? []).filter((a) => a.type === 'CHECKING'),
    )
    const link = await createLink({
      language: 'de',
      state: 'de-1',
      account_types: ['Giro account'],
      allow_multi_selection: false,
    })
    const context = await browser.newContext(contextOptions(true))
    const page = await context.newPage()
    await page.goto(link.location)
    assert.equal(await page.getAttribute('html', 'lang'), 'de')
    await check(page, 'upload-de-1-consent')
    await page.getByLabel(/Ich bin einverstanden/).check()
    await press(page, /^Weiter$/)
    await check(page, 'upload-de-2-source')
    await page.locator('#source-upload').check()
    await press(page, /^Weiter$/)
    await check(page, 'upload-de-3-upload')
    await page.locator('#files').setInputFiles({
      name: 'kontoauszug.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(camt),
    })
    await press(page, /^Hochladen$/)
    await check(page, 'upload-de-4-select')
    assert.equal(await page.locator('input[type=radio][name=accounts]').count(), 1)
    assert.equal(await page.locator('input[name=accounts]').first().isChecked(), true)
    await press(page, /^Teilen$/)
    await expectCallback(page, link.id, 'de-1')
    await context.close()
  })

  it('works with JavaScript disabled, in French, and cancels', async () => {
    const link = await createLink({ language: 'fr', state: 'fr-1' })
    const context = await browser.newContext(contextOptions(false))
    const page = await context.newPage()
    await page.goto(link.location)
    assert.equal(await page.getAttribute('html', 'lang'), 'fr')
    await walkSandbox(page, 'nojs-fr', FRENCH)
    await expectCallback(page, link.id, 'fr-1')

    const cancelled = await createLink({ language: 'fr', state: 'fr-2' })
    await page.goto(cancelled.location)
    await check(page, 'nojs-fr-cancel-consent')
    await press(page, /Annuler et revenir/)
    await page.waitForURL(/\/callback\?/)
    assert.equal(callbacks.at(-1)?.get('cancel'), 'true')
    assert.equal(callbacks.at(-1)?.get('success'), 'false')
    await context.close()
  })
})
