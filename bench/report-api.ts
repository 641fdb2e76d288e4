/**
 * Measures the Report API's "Done when" on generated customers nobody tuned on: each customer
 * is generated (ALGOAN), converted to the Report API's JSON input, read as an upload is read and
 * processed with all five operations as the job processes them (readReportFiles +
 * buildReportAttributes: the code of `POST /v2/report` and of the report job, without the HTTP
 * and the database, which test/http/report-api*.test.ts cover). The figures are compared with
 * what the generator knows: income, distinct lenders, gambling, rejections, recoveries, and the
 * order of the simple scores.
 *
 *   npm run bench:report-api -- [--seeds 101,102,103] [--countries FR,UK,ES,NL,BE,DE]
 *     [--account-type]   also send each account's type (our `account_type` extension)
 */
import { parseArgs } from 'node:util'
import { analyse } from '../src/engine/analyse.ts'
import { buildReportAttributes, readReportFiles } from '../src/app/reports.ts'
import { findNode, titleOf } from '../src/app/report-api/category-tree.ts'
import { generateUpload, type Country, type Profile } from '../src/synthetic/index.ts'
import { PROFILE_PARAMETERS } from '../src/synthetic/profiles.ts'
import { WORDINGS } from '../src/synthetic/wordings.ts'

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '101,102,103' },
    countries: { type: 'string', default: 'FR,UK,ES,NL,BE,DE' },
    'account-type': { type: 'boolean', default: false },
  },
})
const seeds = (values.seeds ?? '').split(',').map(Number)
const countries = (values.countries ?? '').split(',') as Country[]
const PROFILES: Profile[] = ['good', 'risky', 'very-risky']
const OPERATIONS = [
  'categorisation',
  'insights-income',
  'insights-loans',
  'insights-risk',
  'simple-score',
] as const

type Upload = ReturnType<typeof generateUpload>
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deep report JSON read by the measurement
type Json = Record<string, any>

/** The generated ALGOAN upload in the Report API's input shape. */
const toReportInput = (upload: Upload, country: Country) => ({
  accounts: upload.accounts.map((account) => {
    const transactions = account.transactions
      .map((transaction, index) => ({
        transaction_id: `t${index + 1}`,
        date: transaction.dates.bookedAt.slice(0, 10),
        amount: transaction.amount,
        info: transaction.description,
      }))
      .sort((a, b) => a.date.localeCompare(b.date))
    const net = transactions.reduce((sum, transaction) => sum + transaction.amount, 0)
    return {
      ...(values['account-type'] === true && { account_type: account.type }),
      account_number: account.iban,
      bank: account.bank.name,
      country: country.toLowerCase(),
      holders: account.owners,
      period_start: transactions[0]?.date,
      period_end: account.balanceDate.slice(0, 10),
      currencies: [
        {
          code: account.currency,
          start_balance: Math.round((account.balance - net) * 100) / 100,
          end_balance: account.balance,
          transactions,
        },
      ],
    }
  }),
})

/** What the generator put in the history. */
const knownFacts = (upload: Upload, country: Country, profile: Profile) => {
  const w = WORDINGS[country]
  const p = PROFILE_PARAMETERS[profile]
  const checking = upload.accounts.find((account) => account.type === 'CHECKING')
  const debits = (checking?.transactions ?? []).filter((t) => t.amount < 0)
  const credits = (checking?.transactions ?? []).filter((t) => t.amount > 0)
  const lenders = [...w.lenders, ...w.splitProviders, ...w.paydayLenders].filter((name) =>
    debits.some((t) => t.description.includes(name)),
  )
  const mortgage = debits.some((t) => t.description === w.mortgage('0012345')) ? 1 : 0
  const rejectionPrefix = w.rejection('')
  const recoveryPrefix = w.debtRecovery('')
  const months = new Set((checking?.transactions ?? []).map((t) => t.dates.bookedAt.slice(0, 7)))
  return {
    income: p.monthlyIncome + p.allowance,
    months: months.size,
    lenders: lenders.length + mortgage,
    lenderNames: [...lenders, ...(mortgage ? ['(mortgage)'] : [])],
    gambling: debits.some((t) => w.gambling.some((name) => t.description.includes(name))),
    dishonours: credits.some((t) => t.description.startsWith(rejectionPrefix.trim())),
    recoveries: debits.some((t) => t.description.startsWith(recoveryPrefix.trim())),
  }
}

interface Row {
  country: Country
  profile: Profile
  seed: number
  transactions: number
  uncategorised: number
  income: number
  averageIncome: number | null
  incomeError: number | null
  lenders: number
  sources: number | null
  gambling: boolean
  gamblingFigure: number | null
  dishonours: boolean
  dishonourFigure: number | null
  recoveries: boolean
  recoveryFigure: number | null
  score: number | null
}

const rows: Row[] = []
for (const country of countries) {
  for (const profile of PROFILES) {
    for (const seed of seeds) {
      const upload = generateUpload({ profile, country, months: 12, seed })
      const input = toReportInput(upload, country)
      const read = readReportFiles([
        { content: Buffer.from(JSON.stringify(input)), fileName: 'in.json' },
      ])
      const { attributes } = buildReportAttributes(analyse, read.accounts, read.meta, {
        country: country.toLowerCase() === 'uk' ? 'uk' : country.toLowerCase(),
        operations: [...OPERATIONS],
        params: {},
        use_webhook: false,
      })
      // JSON read back as a client reads it: deep JSON, read field by field below.
      const report = JSON.parse(JSON.stringify(attributes)) as Json
      const transactions = (report.categorisation.accounts as Json[]).flatMap((account) =>
        (account.currencies as Json[]).flatMap((currency) => currency.transactions as Json[]),
      ) as { category_id: number; title: string }[]
      const lang = country.toLowerCase()
      const uncategorised = transactions.filter(
        (t) =>
          !findNode(t.category_id) ||
          t.title !== titleOf(t.category_id, lang === 'gb' ? 'uk' : lang),
      ).length
      const known = knownFacts(upload, country, profile)
      const income = report.insights['insights-income']
      const loans = report.insights['insights-loans']
      const risk = report.insights['insights-risk']
      const average = income.average_monthly_income as number | null
      rows.push({
        country,
        profile,
        seed,
        transactions: transactions.length,
        uncategorised,
        income: known.income,
        averageIncome: average,
        incomeError: average === null ? null : Math.abs(average - known.income) / known.income,
        lenders: known.lenders,
        sources: loans.number_of_outgoing_loan_sources,
        gambling: known.gambling,
        gamblingFigure: risk.gambling.average_count_a_month,
        dishonours: known.dishonours,
        dishonourFigure: risk.dishonours.average_count_a_month,
        recoveries: known.recoveries,
        recoveryFigure:
          (risk.bailiffs.average_count_a_month ?? 0) +
          (risk.debt_collection.average_count_a_month ?? 0),
        score: report['simple-score'],
      })
    }
  }
}

const pad = (value: unknown, width: number) => String(value).padStart(width)
console.log(
  'country profile    seed  txs  uncat  income  avg_income  err%  lenders sources  gambl  dishon  recov  score',
)
for (const row of rows) {
  console.log(
    [
      pad(row.country, 7),
      row.profile.padEnd(10),
      pad(row.seed, 4),
      pad(row.transactions, 4),
      pad(row.uncategorised, 6),
      pad(row.income, 7),
      pad(row.averageIncome, 11),
      pad(row.incomeError === null ? '-' : (row.incomeError * 100).toFixed(1), 5),
      pad(row.lenders, 8),
      pad(row.sources, 7),
      pad(`${row.gambling ? 'Y' : 'n'}/${row.gamblingFigure}`, 6),
      pad(`${row.dishonours ? 'Y' : 'n'}/${row.dishonourFigure}`, 7),
      pad(`${row.recoveries ? 'Y' : 'n'}/${row.recoveryFigure}`, 6),
      pad(row.score, 6),
    ].join(' '),
  )
}

const nonZero = (value: number | null) => value !== null && value > 0
const scoresOf = (profile: Profile) =>
  rows.filter((row) => row.profile === profile).map((row) => row.score ?? -1)
const [good, risky, veryRisky] = PROFILES.map(scoresOf) as [number[], number[], number[]]
const summary = {
  customers: rows.length,
  transactions: rows.reduce((sum, row) => sum + row.transactions, 0),
  transactionsWithoutTreeIdOrTitle: rows.reduce((sum, row) => sum + row.uncategorised, 0),
  incomeWithin10Percent: `${rows.filter((row) => row.incomeError !== null && row.incomeError <= 0.1).length}/${rows.length}`,
  worstIncomeErrorPercent: Math.max(...rows.map((row) => (row.incomeError ?? 1) * 100)).toFixed(1),
  loanSourcesEqualDistinctLenders: `${rows.filter((row) => row.sources === row.lenders).length}/${rows.length}`,
  gamblingNonZeroExactlyWherePresent: `${rows.filter((row) => nonZero(row.gamblingFigure) === row.gambling).length}/${rows.length}`,
  dishonoursNonZeroExactlyWherePresent: `${rows.filter((row) => nonZero(row.dishonourFigure) === row.dishonours).length}/${rows.length}`,
  recoveriesNonZeroExactlyWherePresent: `${rows.filter((row) => nonZero(row.recoveryFigure) === row.recoveries).length}/${rows.length}`,
  scores: { good, risky, veryRisky },
  everyGoodAboveEveryRisky: Math.min(...good) > Math.max(...risky),
  everyRiskyAboveEveryVeryRisky: Math.min(...risky) > Math.max(...veryRisky),
}
console.log(JSON.stringify(summary, null, 2))
