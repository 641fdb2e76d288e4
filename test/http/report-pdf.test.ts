/**
 * The decision file PDF over the API: A4 pages, the same sections as the console page, the
 * score the API serves, amounts and dates in the customer's locale; text checked with
 * `pdftotext` (Debian's poppler-utils). 202 while running, 404 for another project, 401 without
 * a token.
 */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { runAnalysis } from '../../src/app/run-analysis.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

const run = promisify(execFile)
let harness: Harness
let project: Awaited<ReturnType<typeof newProject>>
let upload: unknown
let customerId: string

before(async () => {
  harness = await startHarness()
  project = await newProject(harness, 'pdf')
  upload = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  )
  customerId = json<{ id: string }>(
    await call(harness, project.token, 'POST', '/v2/customers', { customIdentifier: 'pdf-1' }),
  ).id
})
after(() => harness.close())

const pdfText = async (bytes: Buffer, name: string): Promise<{ text: string; info: string }> => {
  const dir = join(process.cwd(), 'test-artifacts', 'report-pdf')
  await mkdir(dir, { recursive: true })
  const file = join(dir, name)
  await writeFile(file, bytes)
  const text = (await run('pdftotext', ['-layout', file, '-'])).stdout
  const info = (await run('pdfinfo', [file])).stdout
  return { text, info }
}

test('GET …/report.pdf: A4 pages holding the score, its reasons and every section', async () => {
  const created = await call(
    harness,
    project.token,
    'POST',
    `/v2/customers/${customerId}/analyses`,
    upload,
  )
  const analysisId = json<{ id: string }>(created).id
  const url = `/v2/customers/${customerId}/analyses/${analysisId}/report.pdf`
  const running = await call(harness, project.token, 'GET', url)
  assert.equal(running.statusCode, 202)
  assert.equal(json(running).status, 'IN_PROGRESS')

  assert.equal(await runAnalysis(harness.runtime.deps, analysisId), 'completed')
  const scores = json<{ creditScore: { value: number }; paymentScore: { value: number } }>(
    await call(
      harness,
      project.token,
      'GET',
      `/v2/customers/${customerId}/analyses/${analysisId}/scores`,
    ),
  )
  const response = await call(harness, project.token, 'GET', url)
  assert.equal(response.statusCode, 200)
  assert.equal(response.headers['content-type'], 'application/pdf')
  assert.match(String(response.headers['content-disposition']), /attachment; filename=/)
  const { text, info } = await pdfText(response.rawPayload, 'harry_potter.pdf')

  assert.match(info, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
  assert.ok(pages >= 2, `${pages} pages`)
  assert.match(text, new RegExp(`page ${pages} of ${pages}`))
  assert.match(text, new RegExp(`Credit score: ${scores.creditScore.value} / 1000`))
  assert.match(text, new RegExp(`Payment score: ${scores.paymentScore.value} / 10`))
  assert.match(text, /Payments or credit repayments rejected for lack of funds\./)
  for (const section of [
    'Scores',
    'Income',
    'Housing',
    'Credits by lender and contract',
    'Incidents and risks',
    'Daily balances',
    'Expenses by category',
    'Transactions',
  ]) {
    assert.match(text, new RegExp(`^\\s*${section}\\s*$`, 'm'), section)
  }
  assert.match(text, /FNAC DARTY/)
  assert.match(text, /CREDIPAR/)
  // French bank data: French amounts and dates (fonts embedded, so the text extracts as is).
  assert.match(text, /2\s581,45\s€/)
  assert.match(text, /\d{1,2} (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}/)
  const fonts = (
    await run('pdffonts', [join(process.cwd(), 'test-artifacts', 'report-pdf', 'harry_potter.pdf')])
  ).stdout
  assert.match(fonts, /DejaVuSans/)
  assert.doesNotMatch(fonts.split('\n').slice(2).join('\n'), /\bno\s+yes\b|\bno\s+no\b/) // embedded
})

test('another project gets 404 and no token 401', async () => {
  const created = await call(
    harness,
    project.token,
    'POST',
    `/v2/customers/${customerId}/analyses`,
    upload,
  )
  const analysisId = json<{ id: string }>(created).id
  assert.equal(await runAnalysis(harness.runtime.deps, analysisId), 'completed')
  const url = `/v2/customers/${customerId}/analyses/${analysisId}/report.pdf`
  const other = await newProject(harness, 'other')
  const stolen = await call(harness, other.token, 'GET', url)
  assert.equal(stolen.statusCode, 404)
  assert.equal(json(stolen).code, 'UNKNOWN_ENTITY')
  assert.equal((await harness.app.inject({ method: 'GET', url })).statusCode, 401)
})
