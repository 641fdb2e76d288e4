/**
 * `npm run bench:facts`: the credit facts an analysis finds on generated customers, against what
 * the generator (`src/synthetic/`) put in, in every market and in shapes the fixtures lack.
 *
 * Each customer goes through the path `creditlens analyze` runs (parseInput → holder names →
 * analyse) as an ALGOAN upload. The truth comes from the generator itself: its profile
 * parameters and, line by line, which of its wordings made each line (the bench may know the
 * generator; the engine may not).
 *
 * Facts (one point each, per customer): monthly income within ±10 %; the employer named; the
 * housing (rent or mortgage, monthly amount within ±10 %); the number of consumer credits and the
 * number of their lenders; payment rejections (count) and their fees (total); gambling (total);
 * seizures and debt recoveries (total); overdraft fees (total). Amount totals must agree within
 * 1 % (they are sums of the same lines).
 *
 * Shapes: `base` (one checking account, savings for the good profile), `no-owners` (the file
 * names no holder), `card` (everyday card spending on a CREDIT_CARD account settled monthly from
 * the checking account), `two-checking` (a second checking account fed by a monthly transfer
 * from the first, paying the restaurants), `two-no-owners` (the same, holder unnamed).
 *
 * Score order: within each shape, every good customer must score above every risky one, above
 * every very risky one (pairs counted over all markets and seeds).
 *
 * Options: `--seeds N` (default 6), `--country FR,UK`, `--shape base,card`, `--misses` (each
 * missed fact with what was found), `--json`.
 */
import { parseArgs } from 'node:util'
import { parseInput, hasErrors } from '../src/adapters/index.ts'
import { withHolderNames } from '../src/app/analysis-notes.ts'
import { analyse } from '../src/engine/analyse.ts'
import type { AnalyseResult } from '../src/engine/model/index.ts'
import { generateUpload, type Upload } from '../src/synthetic/index.ts'
import { PROFILE_PARAMETERS, type Profile } from '../src/synthetic/profiles.ts'
import { COUNTRIES, WORDINGS, type Country, type Wording } from '../src/synthetic/wordings.ts'

const PROFILES_SCORED = ['good', 'risky', 'very-risky'] as const satisfies readonly Profile[]
type ScoredProfile = (typeof PROFILES_SCORED)[number]
const SHAPES = ['base', 'no-owners', 'card', 'two-checking', 'two-no-owners'] as const
type Shape = (typeof SHAPES)[number]
const MONTHS = 12

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '6' },
    country: { type: 'string' },
    shape: { type: 'string' },
    misses: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const seeds = Number(values.seeds)
const countries: readonly Country[] = values.country
  ? COUNTRIES.filter((c) => values.country?.toUpperCase().split(',').includes(c))
  : COUNTRIES
const shapes: readonly Shape[] = values.shape
  ? SHAPES.filter((s) => values.shape?.split(',').includes(s))
  : SHAPES

// ---------------------------------------------------------------- truth from the generator

type Kind =
  | { kind: 'salary'; employer: string }
  | { kind: 'allowance' }
  | { kind: 'rent' }
  | { kind: 'mortgage' }
  | { kind: 'loan'; lender: string; contract: string }
  | { kind: 'rejection' }
  | { kind: 'rejection-fee' }
  | { kind: 'gambling' }
  | { kind: 'recovery' }
  | { kind: 'overdraft-interest' }
  | { kind: 'spend' }

/** Which wording made a description (null: a line the facts do not read). */
const classifier = (w: Wording, country: Country): ((description: string) => Kind | null) => {
  const exact = new Map<string, Kind>()
  const creditors = [
    ...w.lenders,
    ...w.paydayLenders,
    ...w.splitProviders,
    w.energy[0] ?? 'ENERGY',
    w.telecom[0] ?? 'TELECOM',
    w.insurers[0] ?? 'INSURANCE',
    'MORTGAGE',
  ]
  for (const c of creditors) exact.set(w.rejection(c), { kind: 'rejection' })
  for (const l of w.landlords) exact.set(w.rent(l), { kind: 'rent' })
  exact.set(w.mortgage('0012345'), { kind: 'mortgage' })
  exact.set(w.overdraftInterest, { kind: 'overdraft-interest' })
  for (const l of [...w.lenders, ...w.paydayLenders]) {
    for (let i = 0; i < 8; i++) {
      exact.set(w.loan(l, `CT${100234 + i}`), { kind: 'loan', lender: l, contract: `CT${i}` })
    }
    exact.set(w.loan(l, 'RENOUVELABLE'), { kind: 'loan', lender: l, contract: 'REVOLVING' })
    for (let i = 0; i < 240; i++) {
      exact.set(w.loan(l, `PD${i}`), { kind: 'loan', lender: l, contract: `PD${i}` })
    }
  }
  const months: string[] = []
  for (let y = 2020; y <= 2030; y++) {
    for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`)
  }
  const monthly = new Map<string, Kind>()
  for (const month of months) {
    for (const e of w.employers) monthly.set(w.salary(e, month), { kind: 'salary', employer: e })
    monthly.set(w.allowance(month), { kind: 'allowance' })
  }
  const feePrefix = w.rejectionFee('§').split('§')[0] ?? '\u0000'
  const recoveryPrefix = w.debtRecovery('§').split('§')[0] ?? '\u0000'
  const gambling = w.gambling
  const spend = [...w.groceries, ...w.restaurants, ...w.shops]
  const cardOf = (m: string): string => w.card(m, '§')
  return (description) => {
    const known = exact.get(description) ?? monthly.get(description)
    if (known) return known
    if (description.startsWith(feePrefix)) return { kind: 'rejection-fee' }
    if (description.startsWith(recoveryPrefix)) return { kind: 'recovery' }
    for (const g of gambling) if (matchesCard(description, cardOf(g))) return { kind: 'gambling' }
    for (const m of spend) if (matchesCard(description, cardOf(m))) return { kind: 'spend' }
    void country
    return null
  }
}

/** `description` is the card wording `pattern` with a day (`§`) filled in. */
const matchesCard = (description: string, pattern: string): boolean => {
  const [before = '', after = ''] = pattern.split('§')
  return (
    description.length === before.length + 5 + after.length &&
    description.startsWith(before) &&
    description.endsWith(after)
  )
}

interface Truth {
  monthlyIncome: number
  employer: string | null
  housing: 'rent' | 'mortgage' | 'none'
  housingMonthly: number
  consumerCredits: number
  consumerLenders: number
  rejections: number
  rejectionFees: number
  gambling: number
  recoveries: number
  overdraftFees: number
}

const truthOf = (upload: Upload, profile: ScoredProfile, country: Country): Truth => {
  const p = PROFILE_PARAMETERS[profile]
  const kindOf = classifier(WORDINGS[country], country)
  const contracts = new Set<string>()
  const lenders = new Set<string>()
  let income = 0
  let employer: string | null = null
  let rejections = 0
  let rejectionFees = 0
  let gambling = 0
  let recoveries = 0
  let overdraftFees = 0
  for (const account of upload.accounts) {
    if (account.type !== 'CHECKING') continue
    for (const tx of account.transactions) {
      const k = kindOf(tx.description)
      if (k === null) continue
      if (k.kind === 'salary') {
        income += tx.amount
        employer = k.employer
      } else if (k.kind === 'allowance') income += tx.amount
      else if (k.kind === 'loan' && tx.amount < 0) {
        contracts.add(`${k.lender}|${k.contract}`)
        lenders.add(k.lender)
      } else if (k.kind === 'rejection') rejections++
      else if (k.kind === 'rejection-fee') rejectionFees += tx.amount
      else if (k.kind === 'gambling') gambling += tx.amount
      else if (k.kind === 'recovery') recoveries += tx.amount
      else if (k.kind === 'overdraft-interest') overdraftFees += tx.amount
    }
  }
  return {
    monthlyIncome: income / MONTHS,
    employer,
    housing: p.housing,
    housingMonthly: p.housingAmount,
    consumerCredits: contracts.size,
    consumerLenders: lenders.size,
    rejections,
    rejectionFees,
    gambling,
    recoveries,
    overdraftFees,
  }
}

// ---------------------------------------------------------------- shapes

/** Wordings written for this bench (not the generator's): a card settlement, an own transfer. */
const SHAPE_WORDS: Readonly<
  Record<Country, { settle: string; reset: string; out: string; in: string }>
> = {
  FR: {
    settle: 'FACTURE CARTE DEBIT DIFFERE X4821',
    reset: 'PRELEVEMENT MENSUEL CARTE',
    out: 'VIR SEPA EMIS VERS',
    in: 'VIR SEPA RECU DE',
  },
  UK: {
    settle: 'CREDIT CARD STATEMENT SETTLEMENT 4821',
    reset: 'PAYMENT RECEIVED THANK YOU',
    out: 'FASTER PAYMENT TO',
    in: 'FASTER PAYMENT FROM',
  },
  ES: {
    settle: 'LIQUIDACION TARJETA CREDITO 4821',
    reset: 'ABONO LIQUIDACION TARJETA',
    out: 'TRANSFERENCIA EMITIDA A',
    in: 'TRANSFERENCIA RECIBIDA DE',
  },
  NL: {
    settle: 'INCASSO CREDITCARD AFREKENING 4821',
    reset: 'BETALING ONTVANGEN DANK U',
    out: 'OVERBOEKING NAAR',
    in: 'OVERBOEKING VAN',
  },
  BE: {
    settle: 'DECOMPTE CARTE DE CREDIT 4821',
    reset: 'REMBOURSEMENT DECOMPTE CARTE',
    out: 'VIREMENT EUROPEEN VERS',
    in: 'VIREMENT EUROPEEN DE',
  },
  DE: {
    settle: 'KREDITKARTENABRECHNUNG 4821',
    reset: 'AUSGLEICH KREDITKARTENABRECHNUNG',
    out: 'UEBERWEISUNG AN',
    in: 'GUTSCHRIFT UEBERWEISUNG VON',
  },
}

const monthOf = (iso: string): string => iso.slice(0, 7)
const lastDayIso = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0, 12)).toISOString()
}
const round = (n: number): number => Math.round(n * 100) / 100

const reshape = (upload: Upload, shape: Shape, country: Country): Upload => {
  const copy = structuredClone(upload)
  const [checking] = copy.accounts
  if (!checking) return copy
  const words = SHAPE_WORDS[country]
  const kindOf = classifier(WORDINGS[country], country)
  if (shape === 'no-owners') {
    for (const a of copy.accounts) a.owners = []
  }
  if (shape === 'card') {
    const moved = checking.transactions.filter((t) => kindOf(t.description)?.kind === 'spend')
    checking.transactions = checking.transactions.filter((t) => !moved.includes(t))
    const byMonth = new Map<string, number>()
    for (const t of moved)
      byMonth.set(
        monthOf(t.dates.debitedAt),
        (byMonth.get(monthOf(t.dates.debitedAt)) ?? 0) + t.amount,
      )
    const card = structuredClone(checking)
    card.type = 'CREDIT_CARD' as never
    card.name = 'Carte'
    card.iban = `${checking.iban.slice(0, -4)}0009`
    card.balance = 0
    card.transactions = [...moved]
    for (const [month, total] of byMonth) {
      const date = lastDayIso(month)
      const dates = { debitedAt: date, bookedAt: date }
      checking.transactions.push({
        description: words.settle,
        amount: round(total),
        currency: checking.currency,
        dates,
      })
      card.transactions.push({
        description: words.reset,
        amount: round(-total),
        currency: checking.currency,
        dates,
      })
    }
    copy.accounts.push(card)
  }
  if (shape === 'two-checking' || shape === 'two-no-owners') {
    const second = structuredClone(checking)
    second.name = 'Compte joint'
    second.iban = `${checking.iban.slice(0, -4)}0007`
    const restaurants = new Set(WORDINGS[country].restaurants)
    const moved = checking.transactions.filter(
      (t) =>
        kindOf(t.description)?.kind === 'spend' &&
        [...restaurants].some((r) => t.description.includes(r)),
    )
    checking.transactions = checking.transactions.filter((t) => !moved.includes(t))
    second.transactions = [...moved]
    const owner = checking.owners[0]?.name ?? 'HOLDER'
    const months = new Set(moved.map((t) => monthOf(t.dates.debitedAt)))
    for (const month of months) {
      const date = `${month}-02T12:00:00.000Z`
      const dates = { debitedAt: date, bookedAt: date }
      checking.transactions.push({
        description: `${words.out} ${owner}`,
        amount: -150,
        currency: checking.currency,
        dates,
      })
      second.transactions.push({
        description: `${words.in} ${owner}`,
        amount: 150,
        currency: checking.currency,
        dates,
      })
    }
    copy.accounts.push(second)
    if (shape === 'two-no-owners') for (const a of copy.accounts) a.owners = []
  }
  for (const a of copy.accounts) {
    a.transactions.sort((x, y) => x.dates.debitedAt.localeCompare(y.dates.debitedAt))
  }
  return copy
}

// ---------------------------------------------------------------- what the analysis found

const FACTS = [
  'income',
  'employer',
  'housing',
  'consumerCredits',
  'consumerLenders',
  'rejections',
  'rejectionFees',
  'gambling',
  'seizures',
  'overdraftFees',
] as const
type Fact = (typeof FACTS)[number]

interface Found {
  score: number
  facts: Record<Fact, { ok: boolean; found: string; expected: string }>
}

const CONSUMER = new Set(['LOAN_REPAYMENT_PERSONAL', 'LOAN_REPAYMENT_REVOLVING', 'LEASING'])
const words = (name: string): string =>
  name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\b(LTD|LIMITED|SA|SAS|SE|SL|BV|NV|GMBH|AG|PLC)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const near = (found: number, expected: number, tolerance: number): boolean =>
  Math.abs(found - expected) <= Math.max(Math.abs(expected) * tolerance, 0.011)

const judge = (result: AnalyseResult, truth: Truth): Found => {
  // The analysis shape is the wire document's; read it loosely.
  const r = JSON.parse(JSON.stringify(result)) as {
    ok: boolean
    creditInsights?: {
      incomes: { monthlyAmount: number; employers: { name: string }[] }
      expenses: { categories: { name: string; monthlyAmount: number }[] }
      loans: {
        repayments: {
          details: { category: string; totalAmount: number; lender?: { name: string } }[]
        }
      }
      risks: {
        gambling: { totalAmount: number }
        incidents: { paymentRejections: { totalAmount: number; totalFeesAmount: number } }
        overdraft: { fees: { totalAmount: number } }
        heavyFailures: {
          directRecoveryOfDebt: { totalAmount: number }
          bankAccountSeizure: { totalAmount: number }
        }
      }
    }
    scores?: { creditScore: { value: number } }
    accounts: { transactions: { amount: number; enrichments: { category: string } }[] }[]
  }
  const c = r.creditInsights
  const fact = (ok: boolean, found: unknown, expected: unknown) => ({
    ok,
    found: String(found),
    expected: String(expected),
  })
  if (!c) {
    const none = fact(false, 'no insights', '')
    return { score: NaN, facts: Object.fromEntries(FACTS.map((f) => [f, none])) as Found['facts'] }
  }
  const employers = c.incomes.employers.map((e) => words(e.name))
  const expectedEmployer = truth.employer === null ? null : words(truth.employer)
  const rent = c.expenses.categories.find((x) => x.name === 'RENT')
  const details = c.loans.repayments.details
  const mortgage = details
    .filter((d) => d.category === 'LOAN_REPAYMENT_REAL_ESTATE')
    .reduce((s, d) => s + d.totalAmount, 0)
  const housingFound =
    rent !== undefined
      ? { kind: 'rent', monthly: -rent.monthlyAmount }
      : mortgage !== 0
        ? { kind: 'mortgage', monthly: -mortgage / MONTHS }
        : { kind: 'none', monthly: 0 }
  const consumer = details.filter((d) => CONSUMER.has(d.category))
  const consumerLenders = new Set(consumer.map((d) => d.lender?.name ?? '?'))
  const rejections = r.accounts
    .flatMap((a) => a.transactions)
    .filter((t) => t.enrichments.category.startsWith('REJECTION_')).length
  const risks = c.risks
  const seizures =
    risks.heavyFailures.directRecoveryOfDebt.totalAmount +
    risks.heavyFailures.bankAccountSeizure.totalAmount
  return {
    score: r.scores?.creditScore.value ?? NaN,
    facts: {
      income: fact(
        near(c.incomes.monthlyAmount, truth.monthlyIncome, 0.1),
        c.incomes.monthlyAmount,
        round(truth.monthlyIncome),
      ),
      employer: fact(
        expectedEmployer === null
          ? employers.length === 0
          : // The employer's name, maybe without its last company words (`… SERVICES`).
            employers.length === 1 &&
              employers[0] !== '' &&
              `${expectedEmployer} `.startsWith(`${employers[0]} `),
        employers.join(' / '),
        expectedEmployer,
      ),
      housing: fact(
        housingFound.kind === truth.housing &&
          (truth.housing === 'none' || near(housingFound.monthly, truth.housingMonthly, 0.1)),
        `${housingFound.kind} ${round(housingFound.monthly)}`,
        `${truth.housing} ${truth.housingMonthly}`,
      ),
      consumerCredits: fact(
        consumer.length === truth.consumerCredits,
        consumer.length,
        truth.consumerCredits,
      ),
      consumerLenders: fact(
        consumerLenders.size === truth.consumerLenders,
        [...consumerLenders].join(','),
        truth.consumerLenders,
      ),
      rejections: fact(rejections === truth.rejections, rejections, truth.rejections),
      rejectionFees: fact(
        near(risks.incidents.paymentRejections.totalFeesAmount, truth.rejectionFees, 0.01),
        risks.incidents.paymentRejections.totalFeesAmount,
        round(truth.rejectionFees),
      ),
      gambling: fact(
        near(risks.gambling.totalAmount, truth.gambling, 0.01),
        risks.gambling.totalAmount,
        round(truth.gambling),
      ),
      seizures: fact(
        near(seizures, truth.recoveries, 0.01),
        round(seizures),
        round(truth.recoveries),
      ),
      overdraftFees: fact(
        near(risks.overdraft.fees.totalAmount, truth.overdraftFees, 0.01),
        risks.overdraft.fees.totalAmount,
        round(truth.overdraftFees),
      ),
    },
  }
}

// ---------------------------------------------------------------- run

const analyseUpload = (upload: Upload): AnalyseResult => {
  const parsed = parseInput(JSON.stringify(upload), { fileName: 'generated.json' })
  if (hasErrors(parsed))
    throw new Error(`generated upload does not parse: ${parsed.issues[0]?.message}`)
  const named = withHolderNames(parsed.accounts, [{ source: 'HOLDER_NAME_OPTION', names: [] }])
  return analyse(named.accounts)
}

interface Row {
  country: Country
  profile: ScoredProfile
  shape: Shape
  seed: number
  found: Found
}

const rows: Row[] = []
for (const country of countries) {
  for (const profile of PROFILES_SCORED) {
    for (let seed = 1; seed <= seeds; seed++) {
      const upload = generateUpload({ profile, country, months: MONTHS, seed })
      const truth = truthOf(upload, profile, country)
      for (const shape of shapes) {
        const found = judge(analyseUpload(reshape(upload, shape, country)), truth)
        rows.push({ country, profile, shape, seed, found })
      }
    }
  }
}

const pct = (ok: number, total: number): string =>
  total === 0 ? '    -' : `${((100 * ok) / total).toFixed(1).padStart(5)}%`

const tally = (selected: readonly Row[]): { ok: number; total: number } => {
  let ok = 0
  let total = 0
  for (const row of selected) {
    for (const fact of FACTS) {
      total++
      if (row.found.facts[fact].ok) ok++
    }
  }
  return { ok, total }
}

/** Pairs (higher profile, lower profile) in the wrong order or tied, within one shape. */
const orderOf = (selected: readonly Row[]): { pairs: number; wrong: number } => {
  let pairs = 0
  let wrong = 0
  const of = (p: ScoredProfile): number[] =>
    selected.filter((r) => r.profile === p).map((r) => r.found.score)
  const good = of('good')
  const risky = of('risky')
  const very = of('very-risky')
  for (const [high, low] of [
    [good, risky],
    [risky, very],
    [good, very],
  ] as const) {
    for (const h of high) {
      for (const l of low) {
        pairs++
        if (!(h > l)) wrong++
      }
    }
  }
  return { pairs, wrong }
}

const summary = {
  customers: rows.length,
  facts: tally(rows),
  byFact: Object.fromEntries(
    FACTS.map((fact) => [
      fact,
      { ok: rows.filter((r) => r.found.facts[fact].ok).length, total: rows.length },
    ]),
  ),
  byCountry: Object.fromEntries(
    countries.map((c) => [c, tally(rows.filter((r) => r.country === c))]),
  ),
  byShape: Object.fromEntries(
    shapes.map((s) => {
      const selected = rows.filter((r) => r.shape === s)
      return [s, { ...tally(selected), order: orderOf(selected) }]
    }),
  ),
  scores: Object.fromEntries(
    PROFILES_SCORED.map((p) => {
      const values = rows.filter((r) => r.profile === p).map((r) => r.found.score)
      return [p, { min: Math.min(...values), max: Math.max(...values) }]
    }),
  ),
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
} else {
  const out: string[] = []
  out.push(
    `credit facts on ${rows.length} generated customers (${countries.join(' ')} × good/risky/very-risky × ${seeds} seeds × ${shapes.length} shapes)`,
  )
  out.push('', 'fact              found')
  for (const fact of FACTS) {
    const s = summary.byFact[fact] ?? { ok: 0, total: 0 }
    out.push(`${fact.padEnd(17)} ${pct(s.ok, s.total)}`)
  }
  out.push('', 'market            facts')
  for (const c of countries) {
    const s = summary.byCountry[c] ?? { ok: 0, total: 0 }
    out.push(`${c.padEnd(17)} ${pct(s.ok, s.total)}`)
  }
  out.push('', 'shape             facts   score order (pairs wrong / pairs)')
  for (const s of shapes) {
    const x = summary.byShape[s]
    if (!x) continue
    out.push(`${s.padEnd(17)} ${pct(x.ok, x.total)}   ${x.order.wrong} / ${x.order.pairs}`)
  }
  out.push('', 'credit score range')
  for (const p of PROFILES_SCORED) {
    const x = summary.scores[p]
    out.push(`${p.padEnd(17)} ${x?.min} … ${x?.max}`)
  }
  if (values.misses) {
    out.push('', 'misses:')
    for (const row of rows) {
      for (const fact of FACTS) {
        const f = row.found.facts[fact]
        if (f.ok) continue
        out.push(
          `${row.country} ${row.profile} seed ${row.seed} ${row.shape}: ${fact} found ${f.found}, expected ${f.expected}`,
        )
      }
    }
  }
  const all = summary.facts
  const order = shapes.reduce((n, s) => n + (summary.byShape[s]?.order.wrong ?? 0), 0)
  out.push(
    '',
    `FACTS customers=${rows.length} facts=${pct(all.ok, all.total).trim()} order-wrong-pairs=${order}`,
  )
  process.stdout.write(`${out.join('\n')}\n`)
}
