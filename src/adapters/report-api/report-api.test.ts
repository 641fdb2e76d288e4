import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { looksLikeReportInput, parseReportInput } from './index.ts'

/** The vendor's own example, as the quick start shows it. */
const SEED = {
  accounts: [
    {
      account_number: 'GB29IBAN20160604201923',
      bank: 'Imperial Bank',
      country: 'uk',
      holders: [{ name: 'Alex Watson' }],
      period_start: '2019-08-01',
      period_end: '2019-08-15',
      currencies: [
        {
          code: 'GBP',
          start_balance: 2016.46,
          end_balance: 2750.86,
          credit_turnover: 1100.8,
          debit_turnover: 366.4,
          transactions: [
            {
              transaction_id: 'unique-id-1',
              date: '2019-08-01',
              amount: -15.45,
              info: 'PURCHASE 201620190406111 15.45GBP',
              partner: 'Local Groceries',
            },
            {
              transaction_id: 'unique-id-2',
              date: '2019-08-05',
              amount: 900.8,
              info: 'SALARY 201620190406222 900.80GBP',
              partner: 'Job Ltd',
            },
            {
              transaction_id: 'unique-id-3',
              date: '2019-08-07',
              amount: 200.0,
              info: 'ROYALTIES 201620190406333 200.00GBP',
              partner: 'Freelance Agency Ltd',
            },
            {
              transaction_id: 'unique-id-4',
              date: '2019-08-11',
              amount: -50.45,
              info: 'PURCHASE 201620190406444 50.45GBP',
              partner: 'Gas Station',
            },
            {
              transaction_id: 'unique-id-5',
              date: '2019-08-15',
              amount: -300.5,
              info: 'MORTGAGE PAYMENT, AGREEMENT A201664 300.50GBP',
              partner: 'Loan Bank',
            },
          ],
        },
      ],
    },
  ],
}

describe('the Report API input', () => {
  it('is told apart from an ALGOAN upload by its currencies', () => {
    assert.equal(looksLikeReportInput(SEED), true)
    assert.equal(looksLikeReportInput({ accounts: [{ transactions: [] }] }), false)
  })

  it('reads the vendor example into one checking account per currency, holders as owners', () => {
    const result = parseReportInput(SEED)
    assert.deepEqual(result.issues, [])
    const [account] = result.accounts
    assert.equal(account?.type, 'CHECKING')
    assert.equal(account?.iban, 'GB29IBAN20160604201923')
    assert.equal(account?.currency, 'GBP')
    assert.equal(account?.balance, 275086)
    assert.equal(account?.balanceDate, '2019-08-15T23:59:59.000Z')
    assert.deepEqual(account?.owners, [{ name: 'Alex Watson' }])
    assert.equal(account?.transactions[0]?.amount, -1545)
    assert.equal(account?.transactions[0]?.aggregator?.id, 'unique-id-1')
    // the partner joins the text the engine reads unless the bank's text names it already
    assert.equal(account?.transactions[1]?.description, 'SALARY 201620190406222 900.80GBP Job Ltd')
    assert.deepEqual(result.meta[0]?.partners['unique-id-5'], 'Loan Bank')
    assert.equal(result.meta[0]?.key, 'GB29IBAN20160604201923:GBP')
  })

  it('reports turnovers and balances that do not reconcile as warnings, in integers', () => {
    // the vendor example itself: credits are 1,100.80 and debits 366.40, so the end balance follows
    const wrong = structuredClone(SEED)
    const currency = wrong.accounts[0]!.currencies[0]!
    currency.credit_turnover = 1000
    currency.end_balance = 2750
    const result = parseReportInput(wrong)
    assert.equal(result.accounts.length, 1)
    assert.deepEqual(
      result.issues.map((issue) => [issue.severity, issue.path]),
      [
        ['warning', 'accounts[0].currencies[0].credit_turnover'],
        ['warning', 'accounts[0].currencies[0].end_balance'],
        ['warning', 'accounts[0].currencies[0].end_balance'],
      ],
    )
  })

  it('refuses a transaction without a date or amount, naming the field', () => {
    const bad = structuredClone(SEED) as {
      accounts: { currencies: { transactions: Record<string, unknown>[] }[] }[]
    }
    delete bad.accounts[0]!.currencies[0]!.transactions[2]!.amount
    const result = parseReportInput(bad)
    assert.deepEqual(result.accounts, [])
    assert.equal(result.issues[0]?.path, 'accounts[0].currencies[0].transactions[2].amount')
    assert.equal(result.issues[0]?.severity, 'error')
  })

  it('reads our account_type extension, CHECKING when absent', () => {
    const typed = structuredClone(SEED) as { accounts: Record<string, unknown>[] }
    typed.accounts[0]!.account_type = 'savings'
    assert.equal(parseReportInput(typed).accounts[0]?.type, 'SAVINGS')
    assert.equal(parseReportInput(SEED).accounts[0]?.type, 'CHECKING')
  })

  it('keeps every currency of an account apart and one account per currency', () => {
    const two = structuredClone(SEED)
    two.accounts[0]!.currencies.push({ ...two.accounts[0]!.currencies[0]!, code: 'EUR' })
    const result = parseReportInput(two)
    assert.deepEqual(
      result.accounts.map((account) => [account.currency, account.aggregator?.id]),
      [
        ['GBP', 'GB29IBAN20160604201923:GBP'],
        ['EUR', 'GB29IBAN20160604201923:EUR'],
      ],
    )
  })
})
