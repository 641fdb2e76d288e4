/**
 * The console in a real browser (Debian's Chromium through playwright-core), JavaScript off to
 * prove the pages need none: sign in with a one-time password, choose a password, open
 * harry_potter's analysis, see the score, its reasons and the balance chart (screenshots in
 * test-artifacts/console/), download the PDF, correct a transaction, re-analyse and see the
 * changed category.
 */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser } from 'playwright-core'
import { createAnalyst } from '../../src/app/analysts.ts'
import { artifactDir, contextOptions, launchBrowser } from '../support/browser.ts'
import { call, json, newProject, startHarness, type Harness } from '../http/harness.ts'

const run = promisify(execFile)
let harness: Harness
let browser: Browser
let base: string
let analysisId: string
let password: string
let creditScore: number

before(async () => {
  harness = await startHarness({}, { worker: true })
  base = (await harness.app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '')
  const project = await newProject(harness, 'browser')
  password = (
    await createAnalyst(
      { ...harness.runtime.deps, console: harness.runtime.store.console },
      { projectId: project.projectId, email: 'ana@lender.example' },
    )
  ).password
  const upload = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  ) as unknown
  const customerId = json<{ id: string }>(
    await call(harness, project.token, 'POST', '/v2/customers', { customIdentifier: 'harry' }),
  ).id
  analysisId = json<{ id: string }>(
    await call(harness, project.token, 'POST', `/v2/customers/${customerId}/analyses`, upload),
  ).id
  const scoresUrl = `/v2/customers/${customerId}/analyses/${analysisId}/scores`
  for (let i = 0; ; i++) {
    const response = await call(harness, project.token, 'GET', scoresUrl)
    if (response.statusCode === 200) {
      creditScore = json<{ creditScore: { value: number } }>(response).creditScore.value
      break
    }
    assert.ok(i < 300, 'analysis did not complete')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await harness.close()
})

test('sign in, read the analysis, download the PDF, correct, re-analyse, see the change', async () => {
  const dir = await artifactDir('console')
  const context = await browser.newContext({ ...contextOptions(false), acceptDownloads: true })
  const page = await context.newPage()
  try {
    await page.goto(`${base}/console/analyses`)
    assert.match(page.url(), /\/console\/login$/)
    await page.getByLabel('E-mail').fill('ana@lender.example')
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    assert.match(page.url(), /\/console\/password$/)
    await page.getByLabel('Current password').fill(password)
    await page.getByLabel(/^New password \(/).fill('a long and private passphrase')
    await page.getByLabel('New password again').fill('a long and private passphrase')
    await page.getByRole('button', { name: 'Save the password' }).click()
    assert.match(page.url(), /\/console\/analyses$/)

    await page.getByRole('link', { name: analysisId }).click()
    assert.match(page.url(), new RegExp(`/console/analyses/${analysisId}$`))
    await page.getByTestId('credit-score').waitFor()
    assert.equal(await page.getByTestId('credit-score').textContent(), `${creditScore} / 1000`)
    const reason = page.getByText('Payments or credit repayments rejected for lack of funds.')
    assert.ok(await reason.isVisible())
    const chart = page.locator('svg.chart').first()
    assert.ok(await chart.isVisible())
    const box = await chart.boundingBox()
    assert.ok(box && box.width > 400 && box.height > 100, JSON.stringify(box))
    await page.screenshot({ path: join(dir, 'analysis-top.png') })
    await page.screenshot({ path: join(dir, 'analysis.png'), fullPage: true })
    await chart.screenshot({ path: join(dir, 'balance-chart.png') })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the PDF' }).click(),
    ])
    const pdf = join(dir, 'decision-file.pdf')
    await download.saveAs(pdf)
    const text = (await run('pdftotext', [pdf, '-'])).stdout
    assert.match(text, new RegExp(`Credit score: ${creditScore} / 1000`))

    // Correct one CARREFOUR payment, for every transaction of that payee.
    await page
      .getByRole('radio', { name: /Correct: PAIEMENT CB PARIS CARREFOUR/ })
      .first()
      .check()
    await page.getByLabel('Right category').selectOption('SHOPPING')
    await page.getByLabel('Apply to every transaction of this payee').check()
    await page.getByRole('button', { name: 'Save the correction' }).click()
    await page.getByText('Correction saved as a project rule.').waitFor()

    await page.getByRole('button', { name: 'Re-analyse' }).click()
    assert.doesNotMatch(page.url(), new RegExp(`${analysisId}$`))
    // The page reloads itself (a meta refresh, no script) until the analysis completes.
    await page.getByRole('heading', { name: 'What changed since the previous analysis' }).waitFor({
      timeout: 30_000,
    })
    const changed = page.locator('table.changed tr', { hasText: 'CARREFOUR' }).first()
    assert.match((await changed.textContent()) ?? '', /Grocery\s*Shopping\s*PROJECT_RULE:/)
    await page.screenshot({ path: join(dir, 'after-reanalyse.png'), fullPage: true })
  } finally {
    await context.close()
  }
})
