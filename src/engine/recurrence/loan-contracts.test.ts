import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loanContracts } from './loan-contracts.ts'
import { buildPeriod } from '../insights/ledger.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
import type { Category } from '../model/index.ts'
import { monthIndexOf, monthOf, toDayNumber } from '../model/index.ts'

const period = buildPeriod('2025-01-01', '2025-06-30')
let sequence = 0
const payeeIds = new Map<string, number>()
const payeeIdOf = (key: string): number => {
  const id = payeeIds.get(key) ?? payeeIds.size
  payeeIds.set(key, id)
  return id
}

const repayment = (
  date: string,
  amount: number,
  labelRoot: string,
  counterparty: string | null,
  category: Category = 'LOAN_REPAYMENT_PERSONAL',
  description = labelRoot,
): LedgerEntry => {
  const id = `t${String(sequence++).padStart(3, '0')}`
  const tx = {
    id,
    accountId: 'a0',
    description,
    amount,
    currency: 'EUR',
    date,
    dates: {},
    isComing: false,
    labelRoot,
    enrichments: {
      category,
      type: 'DIRECT_DEBIT' as const,
      isRejected: false,
      counterPartId: null,
      counterparty,
      isInternationalTransfer: false,
      ruleId: 'TEST',
    },
  }
  return {
    index: sequence,
    tx,
    day: toDayNumber(date),
    month: monthOf(date),
    wire: {} as LedgerEntry['wire'], // not read by the detector
    isReversed: false,
    monthIndex: monthIndexOf(toDayNumber(date)),
    payeeId: payeeIdOf(`-|${category}|${labelRoot}`),
    isChecking: true,
  }
}

const sizes = (entries: LedgerEntry[]): number[] =>
  loanContracts
    .detect(entries, { period })
    .map((f) => f.entries.length)
    .sort((a, b) => b - a)

test('tells two contracts of one lender apart by their instalments', () => {
  const entries = ['01', '02', '03'].flatMap((m) => [
    repayment(`2025-${m}-05`, -39989, 'PRLV SEPA CREDIPAR MOTIF', 'CREDIPAR'),
    repayment(`2025-${m}-28`, -34345, 'PRLV SEPA CREDIPAR VOTRE IDE', 'CREDIPAR'),
  ])
  assert.deepEqual(sizes(entries), [3, 3])
})

test('keeps a re-presented debit with its contract despite the other wording', () => {
  const entries = [
    repayment('2025-01-28', -34345, 'PRLV SEPA CREDIPAR', 'CREDIPAR'),
    repayment('2025-02-28', -34345, 'PRLV SEPA CREDIPAR', 'CREDIPAR'),
    repayment('2025-03-20', -34345, 'PRLV SEPA CREDIPAR REPRESENTATION', 'CREDIPAR'),
    repayment('2025-03-28', -34345, 'PRLV SEPA CREDIPAR', 'CREDIPAR'),
  ]
  assert.deepEqual(sizes(entries), [4])
})

test('splits one instalment paid under two references that both repeat', () => {
  const entries = ['01', '02', '03'].flatMap((m) => [
    repayment(`2025-${m}-05`, -15000, 'PRLV COFIDIS REF A', 'COFIDIS'),
    repayment(`2025-${m}-15`, -15000, 'PRLV COFIDIS REF B', 'COFIDIS'),
  ])
  assert.deepEqual(sizes(entries), [3, 3])
})

test("gathers a revolving credit's varying debits, across a lender's brand names", () => {
  const entries = [
    repayment(
      '2025-01-25',
      -6720,
      'PRELEVEMENT ADVANZIA BANK',
      'ADVANZIA BANK',
      'LOAN_REPAYMENT_REVOLVING',
    ),
    repayment(
      '2025-02-25',
      -2912,
      'PRELEVEMENT CARTE ZERO',
      'CARTE ZERO',
      'LOAN_REPAYMENT_REVOLVING',
    ),
    repayment(
      '2025-03-25',
      -3489,
      'PRELEVEMENT ADVANZIA BANK',
      'ADVANZIA BANK',
      'LOAN_REPAYMENT_REVOLVING',
    ),
  ]
  assert.deepEqual(sizes(entries), [3])
})

test("keeps a revolving credit's debits one contract even when some amounts repeat", () => {
  const amounts = [-4210, -4210, -7733, -5120, -5120, -9040]
  const entries = amounts.map((amount, i) =>
    repayment(
      `2025-0${i + 1}-20`,
      amount,
      'LASTSCHRIFT RAHMENKREDIT',
      'EXAMPLE KREDITBANK',
      'LOAN_REPAYMENT_REVOLVING',
    ),
  )
  assert.deepEqual(sizes(entries), [6])
})

test('starts a new contract when a lender lends again after the instalments stopped', () => {
  const lender = 'QUICKCASH'
  const root = 'DD QUICKCASH INSTALMENT'
  const entries = [
    repayment('2025-01-10', 30000, 'FPI QUICKCASH ADVANCE', lender, 'LOAN_DRAWDOWN_PERSONAL'),
    repayment('2025-02-01', -14000, root, lender),
    repayment('2025-03-01', -14000, root, lender),
    repayment('2025-04-01', -14000, root, lender),
    repayment('2025-05-20', 30000, 'FPI QUICKCASH ADVANCE', lender, 'LOAN_DRAWDOWN_PERSONAL'),
    repayment('2025-06-01', -14000, root, lender),
    repayment('2025-06-29', -14000, root, lender),
  ]
  assert.deepEqual(sizes(entries), [3, 2])
  // Without the second loan paid out, a pause is only a pause.
  assert.deepEqual(
    sizes(entries.filter((e) => e.tx.amount < 0 || e.day < toDayNumber('2025-02-01'))),
    [5],
  )
})

test('makes a contract of a single first instalment', () => {
  assert.deepEqual(sizes([repayment('2025-06-26', -12302, 'PRET SOGEFINANCE', 'SOGEFINANCE')]), [1])
})

test('tells two contracts of one lender and one instalment apart by their references', () => {
  const entries = ['01', '02', '03'].flatMap((m) => [
    repayment(`2025-${m}-05`, -12000, 'DD ZOPA LOAN', 'ZOPA', undefined, 'DD ZOPA LOAN 40021877'),
    repayment(`2025-${m}-12`, -12000, 'DD ZOPA LOAN', 'ZOPA', undefined, 'DD ZOPA LOAN 40039912'),
  ])
  assert.deepEqual(sizes(entries), [3, 3])
})

test('keeps one contract whose reference changes every month', () => {
  const entries = ['01', '02', '03'].map((m) =>
    repayment(
      `2025-${m}-05`,
      -12000,
      'LASTSCHRIFT AUXMONEY RATE',
      'AUXMONEY',
      undefined,
      `LASTSCHRIFT AUXMONEY RATE EREF 2025${m}0588123`,
    ),
  )
  assert.deepEqual(sizes(entries), [3])
})
