/**
 * The readable report of `creditlens analyze`: what a credit officer reads first (score and its
 * reasons, income, housing, credits by lender, incidents, overdraft), within 100 columns.
 */
import type {
  AnalyseResult,
  CashFlow,
  CategoryGroup,
  RejectionsGroup,
  TransactionsGroup,
} from '../engine/model/index.ts'
import type { InputWarning, OwnAccountDetection } from '../app/analysis-notes.ts'
import { REASON_CODES } from '../engine/scoring/index.ts'
import type { ReasonCode } from '../engine/scoring/index.ts'

const WIDTH = 100

const amount = (value: number): string =>
  value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

const signed = (value: number): string => (value > 0 ? `+${value}` : String(value))

const fit = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)

const right = (text: string, width: number): string => text.padStart(width)

/** The last column of a line: cut to `width`, never padded. */
const cut = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text

const rule = (title: string): string => `\n${title} ${'─'.repeat(WIDTH - title.length - 1)}\n`

const describe = (code: string): string =>
  code in REASON_CODES ? REASON_CODES[code as ReasonCode].description : '' // guarded by the `in` check

const monthly = (groups: readonly CategoryGroup[], name: string): CategoryGroup | undefined =>
  groups.find((g) => g.name === name)

const flowLine = (f: CashFlow, currency: string): string =>
  `    ${fit(f.label, 37)} ${fit(f.category, 27)} ${fit(f.regularity.periodicity, 9)}` +
  `${right(String(f.transactions.length), 3)}×${right(`${amount(f.totalAmount)} ${currency}`, 17)}` +
  (f.totalRejectedAmount > 0
    ? `\n      of which rejected: ${amount(f.totalRejectedAmount)} ${currency}`
    : '')

/** Warnings listed in the report; the rest are counted (all are in `--json`). */
const SHOWN_WARNINGS = 20

/** The WARNINGS section: what the file lacked or held that was dropped or read as UNKNOWN. */
const notesSection = (notes: {
  warnings: readonly InputWarning[]
  ownAccountDetection: OwnAccountDetection
}): string => {
  const lines: string[] = []
  if (notes.ownAccountDetection.limited) {
    lines.push(
      '  Own-account detection limited: no holder name known (give --holder-name "FIRST LAST").\n',
    )
  }
  for (const warning of notes.warnings.slice(0, SHOWN_WARNINGS)) {
    lines.push(`  ${cut(`${warning.path}: ${warning.message}`, WIDTH - 2)}\n`)
  }
  if (notes.warnings.length > SHOWN_WARNINGS) {
    lines.push(`  … and ${notes.warnings.length - SHOWN_WARNINGS} more (see --json)\n`)
  }
  return lines.length === 0 ? '' : `${rule('WARNINGS')}${lines.join('')}`
}

export const renderReport = (
  result: AnalyseResult,
  source: { file: string; format: string },
  notes: { warnings: readonly InputWarning[]; ownAccountDetection: OwnAccountDetection } = {
    warnings: [],
    ownAccountDetection: { limited: false, nameSources: [] },
  },
): string => {
  const out: string[] = []
  const head = `creditlens analysis of ${source.file} (${source.format})`
  out.push(`${fit(head, WIDTH - 16)}${right(`engine ${result.engineVersion}`, 16)}\n`)
  out.push(notesSection(notes))
  if (!result.ok) {
    out.push(rule('REFUSED'))
    out.push(`  ${result.refusal.code}\n  ${result.refusal.message}\n`)
    out.push(`  ${result.accounts.length} account(s) read; see --json for their transactions.\n`)
    return out.join('')
  }
  const { metadata: m, creditInsights: ci, scores } = result
  const currency = result.accounts.find((a) => a.transactions.length > 0)?.account.currency ?? ''
  const first = m.firstTransactionDate?.slice(0, 10) ?? '-'
  // Without a balance date (a CSV with no balance column) the period ends at the last transaction.
  const lastTransaction = result.accounts
    .flatMap((a) =>
      a.transactions.map((t) => (t.dates.debitedAt ?? t.dates.bookedAt ?? '').slice(0, 10)),
    )
    .reduce<string | undefined>(
      (latest, d) => (latest === undefined || d > latest ? d : latest),
      undefined,
    )
  const last = result.accounts[0]?.dailyBalances.at(-1)?.date.slice(0, 10) ?? lastTransaction ?? '-'
  out.push(
    `Period ${first} → ${last}: ${m.historicalDepth} days, ${m.totalTransactionCount} transactions, ` +
      `${m.numberOfCheckings} checking / ${m.numberOfSavings} savings / ${m.numberOfLoans} loan account(s)\n`,
  )

  if (scores !== undefined) {
    out.push(rule('SCORE'))
    const cs = scores.creditScore
    const ps = scores.paymentScore
    if (cs !== undefined) {
      const i = cs.indicators
      out.push(
        `  Credit score  ${right(String(cs.value), 4)} / 1000   living standard ${signed(i.livingStandard)}` +
          `   budget management ${signed(i.budgetManagement)}   financial evolution ${signed(i.financialEvolution)}\n`,
      )
      for (const r of cs.reasons) {
        out.push(
          `    ${right(signed(r.impact), 5)}  ${fit(r.code, 26)} ${cut(describe(r.code), WIDTH - 40)}\n`,
        )
      }
    }
    if (ps !== undefined) {
      out.push(`  Payment score ${right(String(ps.value), 4)} / 10\n`)
      for (const r of ps.reasons) {
        out.push(
          `    ${right(signed(r.impact), 5)}  ${fit(r.code, 26)} ${cut(describe(r.code), WIDTH - 40)}\n`,
        )
      }
    }
  }

  if (ci !== undefined) {
    const { incomes, expenses, loans, risks } = ci
    out.push(rule('INCOME'))
    out.push(
      `  ${amount(incomes.monthlyAmount)} ${currency} a month (${amount(incomes.totalAmount)} over the period),` +
        ` allowances ${Math.round(incomes.indicators.allowancesRatio * 100)} %\n`,
    )
    if (incomes.employers.length > 0) {
      out.push(`  Employers: ${cut(incomes.employers.map((e) => e.name).join(', '), WIDTH - 13)}\n`)
    }
    for (const g of incomes.categories) {
      out.push(
        `    ${fit(g.name, 30)} ${right(amount(g.monthlyAmount), 12)} a month ${right(amount(g.totalAmount), 14)} total\n`,
      )
    }

    out.push(rule('HOUSING'))
    const rent = monthly(expenses.categories, 'RENT')
    const mortgages = loans.repayments.details.filter(
      (d) => d.category === 'LOAN_REPAYMENT_REAL_ESTATE',
    )
    if (rent !== undefined) out.push(`  Rent: ${amount(-rent.monthlyAmount)} ${currency} a month\n`)
    for (const f of mortgages) {
      out.push(
        `  Mortgage (${f.lender?.name ?? f.label}): ${f.transactions.length} repayments, ${amount(-f.totalAmount)} ${currency}\n`,
      )
    }
    if (rent === undefined && mortgages.length === 0) out.push('  No rent or mortgage found.\n')

    out.push(rule('CREDITS'))
    const r = loans.repayments
    out.push(
      `  Repayments ${amount(-r.monthlyAmount)} ${currency} a month, ${r.details.length} contract(s), ` +
        `${r.lendingOrganizations.length} lender(s)\n`,
    )
    for (const lender of r.lendingOrganizations) {
      out.push(`  ${lender.name}\n`)
      for (const f of r.details.filter((d) => d.lender?.name === lender.name))
        out.push(`${flowLine(f, currency)}\n`)
    }
    const d = loans.drawdowns
    if (d.count > 0) {
      out.push(
        `  Drawdowns: ${d.count}, ${amount(d.totalAmount)} ${currency} from ${d.lendingOrganizations.map((o) => o.name).join(', ')}\n`,
      )
    }

    out.push(rule('EXPENSES'))
    out.push(
      `  ${amount(-expenses.monthlyAmount)} ${currency} a month (${amount(-expenses.totalAmount)} over the period)\n`,
    )
    for (const g of expenses.categories.slice(0, 8)) {
      out.push(
        `    ${fit(g.name, 30)} ${right(amount(-g.monthlyAmount), 12)} a month ${right(amount(-g.totalAmount), 14)} total\n`,
      )
    }

    out.push(rule('INCIDENTS'))
    const inc = risks.incidents
    const groups: [string, TransactionsGroup | RejectionsGroup][] = [
      ['Payment rejections', inc.paymentRejections],
      ['Cheque rejections', inc.checkRejections],
      ['Intervention fees', inc.interventionFees],
      ['Gambling', risks.gambling],
      ['Direct debt recovery', risks.heavyFailures.directRecoveryOfDebt],
      ['Account seizure', risks.heavyFailures.bankAccountSeizure],
      ['Wage advances', risks.wageAdvance],
    ]
    for (const [label, group] of groups) {
      const fees =
        'feesTransactions' in group
          ? `   fees ${amount(group.totalFeesAmount)} (${group.feesTransactions.length})`
          : ''
      out.push(
        `  ${fit(label, 28)} ${right(String(group.transactions.length), 3)}  ` +
          `${right(`${amount(group.totalAmount)} ${currency}`, 18)}${fees}\n`,
      )
    }

    out.push(rule('OVERDRAFT'))
    const o = risks.overdraft
    out.push(
      `  ${o.duration} day(s) below zero, lowest balance ${amount(o.minimumBalanceReached)} ${currency}, ` +
        `fees ${amount(o.fees.totalAmount)} ${currency} (${o.fees.transactions.length})\n`,
    )
  }

  out.push(rule('ACCOUNTS'))
  for (const a of result.accounts) {
    const balances = a.dailyBalances.map((b) => b.balance)
    const range =
      balances.length === 0
        ? 'no balance given'
        : `balance ${amount(balances[balances.length - 1] ?? 0)}, lowest ${amount(Math.min(...balances))}, highest ${amount(Math.max(...balances))}`
    out.push(
      `  ${fit(`${a.id} ${a.account.type} ${a.account.currency}`, 24)} ${right(String(a.transactions.length), 5)} transactions   ${range}\n`,
    )
  }
  return out.join('')
}
