/**
 * The hosted page as one component, walked as plain HTML forms (no JavaScript), through a
 * recording caller: the screens, the sandbox bank's user errors, upload, single selection,
 * preselection, cancel, CSRF refusal, the page cookie bound to its flow.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { HostedCompletion, HostedSession } from '../../src/app/hosted-flow.ts'
import { createClient } from '../../src/app/clients.ts'
import { startHarness, type Harness } from './harness.ts'
import { csrfOf, formClient, inputValues, type FormClient } from '../support/form-client.ts'

const FIXTURE = new URL('../fixtures/statements/', import.meta.url)

let harness: Harness
let projectId: string
const completions: HostedCompletion[] = []
const cancelled: HostedSession[] = []

before(async () => {
  harness = await startHarness()
  harness.runtime.hosted.registerCaller({
    kind: 'scoring',
    complete: async (completion) => {
      completions.push(completion)
      return `https://lender.example/back?ref=${completion.session.reference}&status=done`
    },
    cancel: async (session) => {
      cancelled.push(session)
      return `https://lender.example/back?ref=${session.reference}&status=cancelled`
    },
  })
  projectId = (await createClient(harness.runtime.deps, { name: 'Acme Kredit' })).projectId
})
after(() => harness.close())

const open = async (
  options: Partial<Parameters<Harness['runtime']['hosted']['createSession']>[0]> = {},
) => {
  const created = await harness.runtime.hosted.createSession({
    kind: 'scoring',
    reference: `ref-${Math.random().toString(36).slice(2)}`,
    projectId,
    liveMode: false,
    lenderName: 'Acme Kredit',
    language: 'en',
    redirectTarget: 'https://lender.example/back',
    ...options,
  })
  const client = formClient(harness.app)
  const opened = await client.get(created.path)
  assert.equal(opened.statusCode, 303)
  const page = opened.headers.location as string
  assert.equal(page, `/widget/flows/${created.id}`)
  return { client, page, id: created.id }
}

/** Posts the current screen's form with `fields` (continue) and returns the next page's HTML. */
const submit = async (
  client: FormClient,
  page: string,
  fields: Record<string, string | string[]>,
  action = 'continue',
) => {
  const html = (await client.get(page)).body
  const response = await client.post(page, { _csrf: csrfOf(html), action, ...fields })
  assert.equal(response.statusCode, 303, response.body)
  return response
}

const screen = async (client: FormClient, page: string) => (await client.get(page)).body

describe('hosted page', () => {
  it('walks consent, account type, sandbox login, one-time code and selection', async () => {
    const { client, page } = await open({ language: 'de' })
    const consent = await client.get(page)
    assert.equal(consent.statusCode, 200)
    assert.match(consent.body, /<html lang="de">/)
    assert.match(consent.body, /Acme Kredit/)
    assert.match(
      consent.headers['content-security-policy'] as string,
      /form-action 'self' https:\/\/lender\.example/,
    )

    // consent refused without the box ticked
    await submit(client, page, {})
    const refused = await client.get(page)
    assert.equal(refused.statusCode, 422)
    assert.match(refused.body, /role="alert"/)

    await submit(client, page, { consent: 'yes' })
    assert.match(await screen(client, page), /name="types"/)
    await submit(client, page, { types: ['Giro account', 'Savings account', 'Credit card'] })
    assert.match(await screen(client, page), /value="sandbox"/)
    await submit(client, page, { source: 'sandbox' })

    await submit(client, page, { username: 'good-de', pin: '0000' })
    assert.match(await screen(client, page), /10001/)
    await submit(client, page, { username: 'nobody-de', pin: '1234' })
    assert.match(await screen(client, page), /10000/)
    await submit(client, page, { username: 'good-de', pin: '1234' })
    await submit(client, page, { otp: '111111' })
    assert.match(await screen(client, page), /10004/)
    await submit(client, page, { otp: '123456' })

    const selection = await screen(client, page)
    const ids = inputValues(selection, 'accounts')
    assert.ok(ids.length >= 2, 'a checking account and a savings or card account')
    assert.doesNotMatch(selection, /DE\d{20}/, 'IBANs are masked on the page')
    const done = await submit(client, page, { accounts: ids })
    assert.match(done.headers.location as string, /^https:\/\/lender\.example\/back\?ref=ref-/)

    const completion = completions.at(-1)
    assert.ok(completion)
    assert.equal(completion.source, 'SANDBOX_BANK')
    assert.equal(completion.accounts.length, ids.length)
    assert.equal(completion.accounts[0]?.owners[0]?.name, 'Max Mustermann')
    assert.ok((completion.accounts[0]?.transactions.length ?? 0) > 100)
    // The page after the end says thank you, and the flow cannot be replayed.
    assert.match(await screen(client, page), /Vielen Dank/)
    const again = await client.post(page, { _csrf: csrfOf(selection), action: 'continue' })
    assert.equal(again.headers.location, done.headers.location)
  })

  it('gives the same data to the same login', async () => {
    const walk = async () => {
      const { client, page } = await open({ accountTypes: ['Giro account'] })
      await submit(client, page, { consent: 'yes' })
      await submit(client, page, { source: 'sandbox' })
      await submit(client, page, { username: 'risky-fr', pin: '1234' })
      await submit(client, page, { otp: '123456' })
      const ids = inputValues(await screen(client, page), 'accounts')
      assert.equal(ids.length, 1, 'account_types given: only the checking account')
      await submit(client, page, { accounts: ids })
      return completions.at(-1)?.accounts
    }
    assert.deepEqual(await walk(), await walk())
  })

  it('reads uploaded statements, selects one account when multi-selection is off', async () => {
    const { client, page } = await open({
      language: 'fr',
      allowMultiSelection: false,
      accountTypes: ['Giro account'],
    })
    await submit(client, page, { consent: 'yes' })
    await submit(client, page, { source: 'upload' })
    const html = await screen(client, page)
    assert.match(html, /enctype="multipart\/form-data"/)
    const bad = await client.postFiles(page, { _csrf: csrfOf(html), action: 'continue' }, [
      { name: 'files', fileName: 'notes.txt', content: 'hello' },
    ])
    assert.equal(bad.statusCode, 303)
    assert.match(await screen(client, page), /notes\.txt/)
    const again = await screen(client, page)
    const ok = await client.postFiles(page, { _csrf: csrfOf(again), action: 'continue' }, [
      {
        name: 'files',
        fileName: 'camt053-v02-fr.xml',
        content: readFileSync(new URL('camt/camt053-v02-fr.xml', FIXTURE)),
      },
      {
        name: 'files',
        fileName: 'mt940-bnp-fr.sta',
        content: readFileSync(new URL('mt940/mt940-bnp-fr.sta', FIXTURE)),
      },
    ])
    assert.equal(ok.statusCode, 303)
    const selection = await screen(client, page)
    assert.match(selection, /type="radio"/)
    const ids = inputValues(selection, 'accounts')
    assert.ok(ids.length >= 1)
    if (ids.length > 1) {
      await submit(client, page, { accounts: ids })
      assert.match(await screen(client, page), /exactement un compte/)
    }
    await submit(client, page, { accounts: ids.slice(0, 1) })
    assert.equal(completions.at(-1)?.source, 'STATEMENT_UPLOAD')
    assert.equal(completions.at(-1)?.accounts.length, 1)
  })

  it('cancels from any screen', async () => {
    const { client, page } = await open()
    await submit(client, page, { consent: 'yes' })
    const response = await submit(client, page, {}, 'cancel')
    assert.match(response.headers.location as string, /status=cancelled/)
    assert.equal(cancelled.length, 1)
  })

  it('refuses a form without its CSRF token, and a page without its cookie', async () => {
    const { client, page, id } = await open()
    const forged = await client.post(page, { action: 'cancel' })
    assert.equal(forged.statusCode, 403)
    assert.doesNotMatch(forged.body, /at .*\.ts:\d+/, 'no stack on the page')
    assert.equal(cancelled.length, 1, 'nothing happened')
    const stranger = formClient(harness.app)
    assert.equal((await stranger.get(`/widget/flows/${id}`)).statusCode, 403)
    // A page token of another flow opens nothing here.
    const other = await open()
    const cookie = other.client.cookies.get('cl_page') ?? ''
    stranger.cookies.set('cl_page', cookie)
    assert.equal((await stranger.get(`/widget/flows/${id}`)).statusCode, 403)
  })

  it('offers no sandbox bank in live mode', async () => {
    const { client, page } = await open({ liveMode: true, accountTypes: ['Giro account'] })
    await submit(client, page, { consent: 'yes' })
    const html = await screen(client, page)
    assert.doesNotMatch(html, /value="sandbox"/)
    await submit(client, page, { source: 'sandbox' })
    assert.match(await screen(client, page), /role="alert"/)
  })

  it('answers an expired or forged link with a page, not an error', async () => {
    const client = formClient(harness.app)
    const response = await client.get('/widget?token=not-a-token')
    assert.equal(response.statusCode, 410)
    assert.match(response.headers['content-type'] as string, /text\/html/)
  })
})
