/**
 * The Report API end to end through HTTP (in-process, one app and worker for the file): the
 * vendor's quick start, the hand-made statement's hand-computed figures, the same customer in
 * three formats, params, the webhook, tenant isolation and the error array of every route.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'
import {
  ALL_OPERATIONS,
  assertProblem,
  fixture,
  fullReport,
  getReport,
  multipart,
  processReport,
  reportToken,
  requestIdOf,
  upload,
  waitForReport,
  type Attributes,
} from './report-support.ts'
import { WEBHOOK_TEST_ENV } from '../webhooks/support.ts'

const PUBLIC_URL = 'https://credit.example.test'
let harness: Harness
type Project = Awaited<ReturnType<typeof newProject>>
let project: Project
let other: Project
let token: string
let otherToken: string
let handMade: { id: string; attributes: Attributes }

const HAND_MADE = [{ name: 'hand-made.json', content: fixture('hand-made.json') }]

before(async () => {
  harness = await startHarness({ ...WEBHOOK_TEST_ENV, PUBLIC_URL }, { worker: true })
  project = await newProject(harness, 'lender')
  other = await newProject(harness, 'another lender')
  token = await reportToken(harness, project)
  otherToken = await reportToken(harness, other)
  handMade = await fullReport(harness, token, HAND_MADE)
})
after(() => harness.close())

describe('POST /oauth/token', () => {
  it('answers the quick start’s JSON body, audience and all, with a Bearer token of a day', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: project.clientId,
        client_secret: project.clientSecret,
        audience: 'https://nordigen/api',
      },
    })
    assert.equal(response.statusCode, 200)
    const body = json(response)
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type'])
    assert.equal(body.token_type, 'Bearer')
    assert.equal(body.expires_in, 86_400)
  })

  it('accepts a form body, and its tokens work on the analyses API and back', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: `grant_type=client_credentials&client_id=${project.clientId}&client_secret=${project.clientSecret}&audience=anything`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(response.statusCode, 200)
    const reportApiToken = json<{ access_token: string }>(response).access_token
    assert.equal((await call(harness, reportApiToken, 'GET', '/v2/customers')).statusCode, 200)
    // the analyses API's token on the Report API
    const tree = await call(harness, project.token, 'GET', '/v2/category-tree/uk')
    assert.equal(tree.statusCode, 200)
  })

  it('answers missing fields with 400 and wrong credentials with 401, as error arrays', async () => {
    const noSecret = await harness.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: project.clientId },
    })
    assertProblem(noSecret, 400, 'API_REQUIRED_PARAMS_MISSING', ['client_secret'])
    const wrong = await harness.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: project.clientId,
        client_secret: 'not-the-secret-at-all',
      },
    })
    assertProblem(wrong, 401, 'UNAUTHORIZED')
    const grant = await harness.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', client_id: 'a', client_secret: 'b' },
    })
    assertProblem(grant, 400, 'API_REQUIRED_PARAMS_MISSING', ['grant_type'])
  })
})

describe('the quick start: upload, process, poll, result', () => {
  it('answers the upload with the pre-processing record and absolute links', async () => {
    const response = await upload(harness, token, HAND_MADE)
    const id = requestIdOf(response)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    assert.deepEqual(json(response), {
      data: {
        attributes: {
          'available-operations': ALL_OPERATIONS,
          'request-id': id,
          status: 'completed',
        },
        relationships: {
          operations: {
            links: {
              related: `${PUBLIC_URL}/v2/report/process/${id}`,
              self: `${PUBLIC_URL}/v2/report`,
            },
          },
        },
        type: 'report pre-processing record',
      },
    })
    const processed = await processReport(harness, token, id, {
      operations: ['categorisation'],
      country: 'uk',
    })
    assert.equal(processed.statusCode, 202)
    assert.deepEqual(json(processed), {
      data: {
        attributes: { 'request-id': id, status: 'queued' },
        relationships: {
          result: {
            links: {
              related: `${PUBLIC_URL}/v2/report/${id}`,
              self: `${PUBLIC_URL}/v2/report/process/${id}`,
            },
          },
        },
        type: 'report processing record',
      },
    })
    // a second PUT is refused, whatever it asks
    const again = await processReport(harness, token, id, {
      operations: ['simple-score'],
      country: 'uk',
    })
    assertProblem(again, 400, 'ANALYSIS_ALREADY_REQUESTED')
    const attributes = await waitForReport(harness, token, id)
    assert.deepEqual(Object.keys(attributes).sort(), ['categorisation', 'status'])
    assert.equal(attributes.status, 'completed')
    const final = await getReport(harness, token, id)
    assert.equal(json<{ data: { type: string } }>(final).data.type, 'report processing status')
  })

  it('mirrors the input per account and currency, every transaction with a tree id and its title', async () => {
    const { categorisation } = handMade.attributes
    assert.equal(
      categorisation.category_tree_version,
      json<Attributes>(await call(harness, token, 'GET', '/v2/category-tree/uk')).data.attributes
        .category_tree_version,
    )
    const [account] = categorisation.accounts
    assert.equal(categorisation.accounts.length, 1)
    assert.deepEqual(
      {
        account_number: account.account_number,
        bank: account.bank,
        country: account.country,
        holders: account.holders,
        is_joint_ownership: account.is_joint_ownership,
        is_shared_ownership: account.is_shared_ownership,
        period_start: account.period_start,
        period_end: account.period_end,
      },
      {
        account_number: 'GB29NWBK60161331926819',
        bank: 'Example Bank UK',
        country: 'uk',
        holders: [{ name: 'Alex Watson' }],
        is_joint_ownership: false,
        is_shared_ownership: false,
        period_start: '2026-01-01',
        period_end: '2026-04-15',
      },
    )
    const [currency] = account.currencies
    assert.equal(currency.code, 'GBP')
    assert.equal(currency.start_balance, 1000)
    assert.equal(currency.end_balance, 3240)
    assert.equal(currency.credit_turnover, 7530)
    assert.equal(currency.debit_turnover, 5290)
    const input = JSON.parse(fixture('hand-made.json').toString('utf8')) as Attributes
    assert.equal(currency.transactions.length, input.accounts[0].currencies[0].transactions.length)
    const tree = json<Attributes>(await call(harness, token, 'GET', '/v2/category-tree/uk')).data
      .attributes.categories as { id: number; readable_title: string }[]
    const titles = new Map(tree.map((node) => [node.id, node.readable_title]))
    for (const transaction of currency.transactions) {
      assert.equal(transaction.title, titles.get(transaction.category_id), transaction.info)
    }
    const byId = new Map<string, Attributes>(
      currency.transactions.map((transaction: Attributes) => [
        transaction.transaction_id,
        transaction,
      ]),
    )
    const categoryOf = (info: string) =>
      currency.transactions.find((transaction: Attributes) => transaction.info === info)
        ?.category_id
    assert.equal(categoryOf('FASTER PAYMENT ACME CONSULTING LTD SALARY'), 85)
    assert.equal(categoryOf('CASH WITHDRAWAL LINK ATM CAMDEN'), 83)
    assert.equal(categoryOf('CARD PAYMENT BET365'), 4402)
    assert.equal(categoryOf('UNPAID DIRECT DEBIT PUREGYM LTD'), 1402)
    assert.equal(categoryOf('CARD PAYMENT TESCO STORES 3021 LONDON'), 26)
    // the bank's partner is echoed; the engine's counterparty fills in where the bank gave none
    const salary = [...byId.values()].find((transaction) => transaction.category_id === 85)
    assert.equal(salary?.partner, 'Acme Consulting Ltd')
    assert.equal(salary?.info, 'FASTER PAYMENT ACME CONSULTING LTD SALARY')
    assert.equal(byId.get('hm-2')?.partner, 'ZOPA')
  })

  it('computes income, loans and risk figures equal to the hand-computed ones', () => {
    const { insights } = handMade.attributes
    const income = insights['insights-income']
    // Salary 2,500 in each of January, February and March; the period ends on 15 April.
    assert.equal(income.average_monthly_income, 2500)
    assert.equal(income.calendar_months, 3)
    assert.equal(income.calendar_months_with_income, 3)
    assert.equal(income.days_since_last_income_payment, 21) // 25 March → 15 April
    assert.equal(income.average_days_between_income_payments, 29.5) // 31 and 28 days
    assert.equal(income.monthly_regularity, 1)
    assert.equal(income.monthly_stability, 1)
    assert.equal(income.monthly_trend, 0)
    // expenses (default definition): groceries 42.10 + 57.90, utilities 85 + telecom 20 = 205
    assert.equal(income.average_monthly_discretionary_income, 2295)
    assert.equal(income.debt_to_income_ratio, 0.12) // loans 300 / 2,500
    assert.deepEqual(income.income_by_category, {
      85: {
        average_income_payment: 2500,
        average_monthly_income: 2500,
        days_since_last_income_payment: 21,
        median_income_payment: 2500,
        number_of_income_payments: 3,
      },
    })
    assert.deepEqual(income.last_incomplete_month, {
      month: '2026-04',
      received_income: 0,
      expected_remaining_income: 2500,
      remaining_monthly_discretionary_income: 2295,
    })
    assert.deepEqual(income.definitions.income[0], { category_id: '5', title: 'Pension' })
    assert.equal(income.definitions.expenses.length, 7)

    const loans = insights['insights-loans']
    assert.equal(loans.number_of_outgoing_loan_sources, 2) // ZOPA and VANQUIS
    assert.equal(loans.number_of_incoming_loan_sources, 0)
    assert.equal(loans.average_monthly_outgoing_loan_payment, 300)
    assert.equal(loans.calendar_months_with_outgoing_loans, 3)
    assert.equal(loans.calendar_months_with_incoming_loans, 0)
    assert.equal(loans.days_since_last_incoming_loan, null)
    assert.equal(loans.monthly_outgoing_loan_trend, 0)
    assert.deepEqual(
      loans.loans_by_category.map((entry: Attributes) => [
        entry.category_id,
        entry.average_monthly_outgoing_loan_payment,
        entry.ratio_of_outgoing_loan_category_to_loans,
        entry.number_of_outgoing_loan_sources,
      ]),
      [
        [{ expense: 10053, income: 10021 }, 200, 0.67, 1],
        [{ expense: 10054, income: 10022 }, 100, 0.33, 1],
      ],
    )

    const risk = insights['insights-risk']
    // BET365: 20 in January and 30 in March
    assert.equal(risk.gambling.average_sum_a_month, 16.67)
    assert.equal(risk.gambling.average_count_a_month, 0.67)
    assert.equal(risk.gambling.days_since_last_transaction, 26)
    assert.equal(risk.gambling.monthly_regularity_of_gambling, 0.67)
    assert.equal(risk.gambling.gambling_to_all_expenses, 0.01) // 50 / 5,260 of paid debits
    assert.equal(risk.gambling.ratio_of_betting, null)
    // one returned direct debit of 30 in February
    assert.deepEqual(risk.dishonours, { average_count_a_month: 0.33, average_sum_a_month: 10 })
    assert.deepEqual(risk.bailiffs, { average_count_a_month: 0, average_sum_a_month: 0 })
    assert.deepEqual(risk.debt_collection, { average_count_a_month: 0, average_sum_a_month: 0 })
    assert.deepEqual(risk.alimony_payments, {
      average_count_a_month: null,
      average_sum_a_month: null,
    })
    assert.deepEqual(risk.loan_fines, { average_count_a_month: null, average_sum_a_month: null })
    assert.deepEqual(risk.balance, {
      calendar_month_start_balance: 3270, // end of February
      calendar_month_end_balance: 4385, // end of March
      net_cash_flow: 1128.33, // (1,125 + 1,145 + 1,115) / 3
      statement_start_balance: 1000,
      statement_end_balance: 3240,
    })
    assert.equal(risk.cash.average_sum_of_cash_withdrawal_a_month, 50)
    assert.equal(risk.cash.average_count_of_cash_withdrawal_a_month, 1)
    assert.equal(risk.cash.cash_withdrawal_to_expenses, 0.24) // 50 / 205
    assert.equal(risk.cash.cash_withdrawal_to_income, 0.02)
    assert.equal(risk.cash.average_sum_of_cash_deposit_a_month, 0)
    assert.equal(risk.cash.stable_monthly_cash_deposits, false)

    const score = handMade.attributes['simple-score']
    assert.ok(Number.isInteger(score) && score >= 0 && score <= 10, String(score))
    assert.equal(handMade.attributes.warnings, undefined)
  })
})

describe('the same customer in three formats', () => {
  it('gives the same categorisation and insights as the Report API JSON, ALGOAN JSON and CAMT', async () => {
    const algoan = await fullReport(harness, token, [
      { name: 'hand-made.algoan.json', content: fixture('hand-made.algoan.json') },
    ])
    const camt = await fullReport(harness, token, [
      { name: 'hand-made.camt.xml', content: fixture('hand-made.camt.xml') },
    ])
    const categories = (attributes: Attributes) =>
      attributes.categorisation.accounts[0].currencies[0].transactions.map(
        (transaction: Attributes) =>
          `${transaction.date} ${transaction.amount} ${transaction.category_id}`,
      )
    const expected = categories(handMade.attributes)
    assert.deepEqual(categories(algoan.attributes), expected)
    assert.deepEqual(categories(camt.attributes), expected)
    for (const other of [algoan, camt]) {
      assert.deepEqual(other.attributes.insights, handMade.attributes.insights)
      assert.equal(other.attributes['simple-score'], handMade.attributes['simple-score'])
    }
  })
})

describe('params', () => {
  it('narrows the period, changes the definitions and drops joint accounts', async () => {
    const { attributes } = await fullReport(harness, token, HAND_MADE, {
      params: { period: 2, income_definition: [26], expense_definition: ['85'] },
    })
    const income = attributes.insights['insights-income']
    assert.equal(income.calendar_months, 2)
    assert.equal(
      attributes.categorisation.accounts[0].currencies[0].transactions[0].date >= '2026-02-01',
      true,
    )
    assert.deepEqual(income.definitions.income, [{ category_id: '26', title: 'Groceries' }])
    assert.equal(income.average_monthly_income, 0) // groceries are debits: no income
    const joint = JSON.parse(fixture('hand-made.json').toString('utf8')) as Attributes
    joint.accounts[0].holders.push({ name: 'Sam Watson' })
    const dropped = await fullReport(
      harness,
      token,
      [{ name: 'joint.json', content: JSON.stringify(joint) }],
      { params: { drop_joint_accounts: true } },
    )
    assert.deepEqual(dropped.attributes.categorisation.accounts, [])
    assert.equal(dropped.attributes['simple-score'], null)
  })

  it('reports balances and turnovers that do not reconcile as warnings, not refusals', async () => {
    const wrong = JSON.parse(fixture('hand-made.json').toString('utf8')) as Attributes
    wrong.accounts[0].currencies[0].credit_turnover = 1.5
    wrong.accounts[0].currencies[0].end_balance = 9999
    const { attributes } = await fullReport(harness, token, [
      { name: 'wrong.json', content: JSON.stringify(wrong) },
    ])
    const codes = attributes.warnings.map((warning: Attributes) => warning['error-code'])
    assert.ok(codes.length >= 2)
    assert.ok(codes.every((code: string) => code === 'BALANCES_DO_NOT_RECONCILE'))
    assert.deepEqual(
      [...new Set(attributes.warnings.flatMap((warning: Attributes) => warning.source))].sort(),
      ['accounts[0].currencies[0].credit_turnover', 'accounts[0].currencies[0].end_balance'],
    )
    assert.equal(attributes.categorisation.accounts[0].currencies[0].credit_turnover, 1.5)
  })
})

describe('webhook, visibility and tenancy', () => {
  it('sends report_completed through the project’s subscriptions when use_webhook is true', async () => {
    const subscribed = await call(harness, project.token, 'POST', '/v2/subscriptions', {
      eventName: 'report_completed',
      target: 'http://127.0.0.1:9/report-hook',
    })
    assert.equal(subscribed.statusCode, 201, subscribed.body)
    const { id } = await fullReport(harness, token, HAND_MADE, { use_webhook: true })
    const quiet = await fullReport(harness, token, HAND_MADE)
    const { rows } = await harness.runtime.db.query<{ analysis_id: string; customer_id: string }>(
      `select e.analysis_id, e.customer_id from webhook_events e
       join webhook_subscriptions s on s.id = e.subscription_id
       where s.event_name = 'report_completed' and e.project_id = $1`,
      [project.projectId],
    )
    assert.deepEqual(rows, [{ analysis_id: id, customer_id: id }])
    assert.notEqual(quiet.id, id)
  })

  it('keeps reports out of the analyses API’s customers', async () => {
    const list = await call(harness, project.token, 'GET', '/v2/customers')
    assert.equal(json<{ resources: unknown[] }>(list).resources.length, 0)
    const direct = await call(harness, project.token, 'GET', `/v2/customers/${handMade.id}`)
    assert.equal(direct.statusCode, 404)
  })

  it('answers another project’s report as unknown on every route', async () => {
    assertProblem(await getReport(harness, otherToken, handMade.id), 404, 'NOT_FOUND')
    const fresh = requestIdOf(await upload(harness, token, HAND_MADE))
    assertProblem(
      await processReport(harness, otherToken, fresh, {
        country: 'uk',
        operations: ['categorisation'],
      }),
      404,
      'NOT_FOUND',
    )
    // still the owner's to process
    const own = await processReport(harness, token, fresh, {
      country: 'uk',
      operations: ['categorisation'],
    })
    assert.equal(own.statusCode, 202)
    // the other project's own upload is its own
    const theirs = requestIdOf(await upload(harness, otherToken, HAND_MADE))
    assertProblem(await getReport(harness, token, theirs), 404, 'NOT_FOUND')
    assert.equal((await getReport(harness, otherToken, theirs)).statusCode, 200)
  })
})

describe('errors', () => {
  const unauthenticated = [
    { method: 'POST' as const, url: '/v2/report' },
    { method: 'PUT' as const, url: '/v2/report/process/00000000-0000-0000-0000-000000000000' },
    { method: 'GET' as const, url: '/v2/report/00000000-0000-0000-0000-000000000000' },
    { method: 'GET' as const, url: '/v2/category-tree/uk' },
  ]
  for (const route of unauthenticated) {
    it(`answers ${route.method} ${route.url} without a valid token with 401`, async () => {
      assertProblem(await harness.app.inject(route), 401, 'UNAUTHORIZED')
      assertProblem(
        await harness.app.inject({ ...route, headers: { authorization: 'Bearer not.a.token' } }),
        401,
        'UNAUTHORIZED',
      )
    })
  }

  it('answers unknown and malformed ids with 404', async () => {
    assertProblem(
      await getReport(harness, token, '00000000-0000-0000-0000-000000000000'),
      404,
      'NOT_FOUND',
    )
    assertProblem(await getReport(harness, token, 'not-an-id'), 404, 'NOT_FOUND')
    assertProblem(
      await processReport(harness, token, '00000000-0000-0000-0000-000000000000', {
        country: 'uk',
        operations: ['categorisation'],
      }),
      404,
      'NOT_FOUND',
    )
    assertProblem(
      await harness.app.inject({
        method: 'DELETE',
        url: `/v2/report/${handMade.id}`,
        headers: { authorization: `Bearer ${token}` },
      }),
      404,
      'NOT_FOUND',
    )
  })

  it('names missing and invalid processing parameters', async () => {
    const id = requestIdOf(await upload(harness, token, HAND_MADE))
    assertProblem(await processReport(harness, token, id, {}), 400, 'API_REQUIRED_PARAMS_MISSING', [
      'country',
      'operations',
    ])
    assertProblem(
      await processReport(harness, token, id, { country: 'uk' }),
      400,
      'API_REQUIRED_PARAMS_MISSING',
      ['operations'],
    )
    assertProblem(
      await processReport(harness, token, id, { country: 'uk', operations: ['horoscope'] }),
      400,
      'API_REQUIRED_PARAMS_MISSING',
      ['operations[0]'],
    )
    assertProblem(
      await processReport(harness, token, id, {
        country: 'uk',
        operations: ['categorisation'],
        params: { income_definition: [123456] },
      }),
      400,
      'API_REQUIRED_PARAMS_MISSING',
      ['params.income_definition[0]'],
    )
    assertProblem(
      await processReport(harness, token, id, { country: 'us', operations: ['categorisation'] }),
      400,
      'UNSUPPORTED_COUNTRY_REQUESTED',
      ['country'],
    )
    // nothing was half-stored: the report can still be processed
    const ok = await processReport(harness, token, id, {
      country: 'GB',
      operations: ['simple-score'],
    })
    assert.equal(ok.statusCode, 202)
  })

  it('answers files it cannot read with NO_SUITABLE_PARSERS and a missing input with 400', async () => {
    assertProblem(
      await upload(harness, token, [
        { name: 'notes.txt', content: 'hello, this is not a statement' },
      ]),
      400,
      'NO_SUITABLE_PARSERS',
    )
    const badDate = JSON.parse(fixture('hand-made.json').toString('utf8')) as Attributes
    badDate.accounts[0].currencies[0].transactions[3].date = '03/01/2026'
    assertProblem(
      await upload(harness, token, [{ name: 'bad.json', content: JSON.stringify(badDate) }]),
      400,
      'NO_SUITABLE_PARSERS',
      ['accounts[0].currencies[0].transactions[3].date'],
    )
    const wrongField = multipart(HAND_MADE, 'file')
    assertProblem(
      await harness.app.inject({
        method: 'POST',
        url: '/v2/report',
        payload: wrongField.payload,
        headers: { ...wrongField.headers, authorization: `Bearer ${token}` },
      }),
      400,
      'API_REQUIRED_PARAMS_MISSING',
    )
    assertProblem(
      await call(harness, token, 'POST', '/v2/report', { accounts: [] }),
      400,
      'API_REQUIRED_PARAMS_MISSING',
      ['input'],
    )
  })

  it('answers an upload over 10 MB with 413 EXCEEDED_LIMIT', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024 + 10)
    assertProblem(
      await upload(harness, token, [{ name: 'big.json', content: big }]),
      413,
      'EXCEEDED_LIMIT',
    )
  })

  it('answers an unsupported country of the category tree', async () => {
    assertProblem(
      await call(harness, token, 'GET', '/v2/category-tree/us'),
      400,
      'UNSUPPORTED_COUNTRY_REQUESTED',
    )
    const fr = json<Attributes>(await call(harness, token, 'GET', '/v2/category-tree/FR')).data
      .attributes
    assert.match(fr.category_tree_version, /^fr_\d{12}$/)
    assert.equal(fr.categories.find((node: Attributes) => node.id === 85).readable_title, 'Salaire')
  })

  it('documents the routes in the OpenAPI at /docs', async () => {
    const spec = json<{ paths: Record<string, unknown> }>(
      await harness.app.inject({ method: 'GET', url: '/docs/json' }),
    )
    for (const path of [
      '/oauth/token',
      '/v2/report/',
      '/v2/report/process/{request_id}',
      '/v2/report/{request_id}',
      '/v2/category-tree/{country}',
    ]) {
      assert.ok(path in spec.paths, `${path} in ${Object.keys(spec.paths).join(' ')}`)
    }
  })

  it('still answers processing with every operation after an unrelated upload', async () => {
    const { attributes } = await fullReport(harness, token, HAND_MADE, { country: 'fr' })
    assert.equal(attributes.categorisation.category_tree_version.slice(0, 3), 'fr_')
    assert.equal(
      attributes.categorisation.accounts[0].currencies[0].transactions.find(
        (transaction: Attributes) => transaction.category_id === 85,
      ).title,
      'Salaire',
    )
  })
})
