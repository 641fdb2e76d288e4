/**
 * Synthetic upload files: a seeded, pure generator of realistic bank histories in the ALGOAN
 * upload format. Same options, same file. Used by the benchmark and by tests that need a year of
 * data (the fixtures hold three months). The budget follows a profile (profiles.ts); the wording
 * follows the market (wordings.ts).
 */
import { daysInMonth, fromDayNumber, toDayNumber } from '../engine/model/index.ts'
import type { Profile, ProfileParameters } from './profiles.ts'
import { PROFILE_PARAMETERS } from './profiles.ts'
import type { Random } from './random.ts'
import { createRandom } from './random.ts'
import type { Country, Wording } from './wordings.ts'
import { WORDINGS } from './wordings.ts'

export interface GenerateOptions {
  profile: Profile
  /** Changes to the profile's budget, for variants of a profile (tests). */
  overrides?: Partial<ProfileParameters>
  country: Country
  months: number
  seed: number
  /** Last day of the history, `YYYY-MM-DD`. Default 2026-06-30: files never depend on the clock. */
  endDate?: string
}

export interface UploadTransaction {
  description: string
  amount: number
  currency: string
  dates: { debitedAt: string; bookedAt: string }
}

export interface UploadAccount {
  type: 'CHECKING' | 'SAVINGS'
  usage: 'PERSONAL'
  name: string
  balance: number
  balanceDate: string
  currency: string
  owners: { name: string }[]
  iban: string
  bic: string
  bank: { id: string; name: string }
  transactions: UploadTransaction[]
}

export interface Upload {
  format: 'ALGOAN'
  accounts: UploadAccount[]
}

export const DEFAULT_END_DATE = '2026-06-30'

interface Draft {
  day: number
  amount: number
  description: string
}

const cents = (value: number): number => Math.round(value * 100) / 100

const dayOf = (month: string, day: number): number =>
  toDayNumber(`${month}-${String(Math.min(day, daysInMonth(`${month}-01`))).padStart(2, '0')}`)

/** Moves a debit due on a Saturday or Sunday to the next Monday, as banks do. */
const businessDay = (day: number): number => {
  const weekday = (((day + 4) % 7) + 7) % 7
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day
}

const shortDate = (day: number): string => {
  const date = fromDayNumber(day)
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`
}

const monthsBack = (endDate: string, count: number): string[] => {
  const months: string[] = []
  let year = Number(endDate.slice(0, 4))
  let month = Number(endDate.slice(5, 7))
  for (let i = 0; i < count; i++) {
    months.unshift(`${year}-${String(month).padStart(2, '0')}`)
    month -= 1
    if (month === 0) {
      month = 12
      year -= 1
    }
  }
  return months
}

/** Everything that happens in one month on the checking account. */
const monthOfHistory = (
  month: string,
  index: number,
  p: ProfileParameters,
  w: Wording,
  r: Random,
  state: {
    employer: string
    landlord: string
    splitPlans: { start: number; amount: number; provider: string; n: number }[]
    paydayLoans: { start: number; instalment: number; lender: string; n: number }[]
  },
): Draft[] => {
  const drafts: Draft[] = []
  const add = (day: number, amount: number, description: string): void => {
    drafts.push({ day, amount: cents(amount), description })
  }
  const debit = (day: number, amount: number, creditor: string, description: string): void => {
    add(day, -amount, description)
    if (r.chance(p.rejectionRate)) {
      add(day + r.int(1, 3), amount, w.rejection(creditor))
      add(day + r.int(3, 5), -r.pick([8, 12.5, 20]), w.rejectionFee(amount.toFixed(2)))
    }
  }
  // income
  if (p.income === 'salary') {
    add(
      businessDay(dayOf(month, r.int(25, 28))),
      r.around(p.monthlyIncome, 0.01),
      w.salary(state.employer, month),
    )
    if (month.endsWith('-12'))
      add(dayOf(month, 20), r.around(p.monthlyIncome * 0.5, 0.1), w.salary(state.employer, month))
  } else if (p.income === 'pension') {
    add(dayOf(month, 9), p.monthlyIncome * 0.75, w.pension(month))
    add(dayOf(month, 1), cents(p.monthlyIncome * 0.25), w.supplementaryPension(month))
  } else if (p.income === 'student') {
    add(dayOf(month, r.int(1, 4)), p.monthlyIncome * 0.6, w.parents)
    if (r.chance(0.7))
      add(
        dayOf(month, r.int(10, 28)),
        r.around(p.monthlyIncome * 0.4, 0.3),
        w.salary(state.employer, month),
      )
  } else {
    const invoices = r.int(1, 4)
    for (let i = 0; i < invoices; i++) {
      add(
        dayOf(month, r.int(1, 28)),
        r.around(p.monthlyIncome / 2.5, 0.5),
        w.clientPayment(
          r.pick(['STUDIO NOVA', 'ATELIER BLEU', 'GREENTECH', 'MARTIN ET FILS']),
          `F${index}${i}`,
        ),
      )
    }
  }
  if (p.allowance > 0) add(dayOf(month, 5), p.allowance, w.allowance(month))
  // housing
  if (p.housing === 'rent')
    add(businessDay(dayOf(month, r.int(1, 4))), -p.housingAmount, w.rent(state.landlord))
  if (p.housing === 'mortgage')
    debit(businessDay(dayOf(month, 5)), p.housingAmount, 'MORTGAGE', w.mortgage('0012345'))
  // bills
  debit(
    businessDay(dayOf(month, 12)),
    r.around(85, 0.25),
    w.energy[0] ?? 'ENERGY',
    w.directDebit(w.energy[0] ?? 'ENERGY', `FAC${month.replace('-', '')}`),
  )
  debit(
    businessDay(dayOf(month, 15)),
    19.99,
    w.telecom[0] ?? 'TELECOM',
    w.directDebit(w.telecom[0] ?? 'TELECOM', 'ABO MOBILE'),
  )
  debit(
    businessDay(dayOf(month, 8)),
    32.4,
    w.insurers[0] ?? 'INSURANCE',
    w.directDebit(w.insurers[0] ?? 'INSURANCE', 'CONTRAT HABITATION'),
  )
  add(dayOf(month, 28), -r.pick([2.5, 4.99, 6]), w.bankFees)
  // credit
  p.loans.forEach((instalment, i) => {
    const lender = w.lenders[i % w.lenders.length] ?? 'LENDER'
    debit(
      businessDay(dayOf(month, 5 + i * 3)),
      instalment,
      lender,
      w.loan(lender, `CT${100234 + i}`),
    )
  })
  if (p.revolving > 0) {
    const lender = w.lenders[w.lenders.length - 1] ?? 'LENDER'
    debit(
      businessDay(dayOf(month, 20)),
      r.around(p.revolving, 0.4),
      lender,
      w.loan(lender, 'RENOUVELABLE'),
    )
  }
  if (r.chance(p.splitPlansPerYear / 12)) {
    const n = r.pick([3, 4])
    state.splitPlans.push({
      start: index,
      amount: r.around(90, 0.6),
      provider: r.pick(w.splitProviders),
      n,
    })
  }
  for (const plan of state.splitPlans) {
    if (index >= plan.start && index < plan.start + plan.n) {
      debit(
        dayOf(month, 3 + (plan.start % 20)),
        plan.amount,
        plan.provider,
        w.split(plan.provider, plan.n),
      )
    }
  }
  // payday loans: paid out mid-month, repaid in three debits from the next month; a rejected
  // instalment is presented again a week later, and may be rejected again
  if (p.paydayLoansPerYear > 0 && r.chance(p.paydayLoansPerYear / 12)) {
    const lender = r.pick(w.paydayLenders)
    const amount = r.pick([200, 300, 400, 500])
    add(dayOf(month, r.int(8, 18)), amount, w.paydayLoan(lender))
    state.paydayLoans.push({ start: index, instalment: cents((amount * 1.4) / 3), lender, n: 3 })
  }
  for (const loan of state.paydayLoans) {
    if (index <= loan.start || index > loan.start + loan.n) continue
    const day = businessDay(dayOf(month, 2))
    const description = w.loan(loan.lender, `PD${loan.start}`)
    for (let attempt = 0; attempt < 2; attempt++) {
      add(day + attempt * 7, -loan.instalment, description)
      if (!r.chance(p.paydayMissRate)) break
      add(day + attempt * 7 + r.int(1, 3), loan.instalment, w.rejection(loan.lender))
      add(day + attempt * 7 + 4, -r.pick([8, 12.5, 20]), w.rejectionFee(loan.instalment.toFixed(2)))
    }
  }
  // fixed out-goings first, then everyday spending sized on what they leave
  for (let i = 0; i < p.gamblingPerMonth; i++) {
    const day = dayOf(month, r.int(1, 28))
    add(day, -r.pick([5, 10, 20, 50]), w.card(r.pick(w.gambling), shortDate(day)))
  }
  if (r.chance(p.recoveriesPerYear / 12)) {
    add(dayOf(month, r.int(10, 20)), -r.around(300, 0.5), w.debtRecovery(`RG${index}`))
  }
  if (p.monthlySaving > 0) add(dayOf(month, 27), -p.monthlySaving, w.toSavings)
  const left = drafts.reduce((sum, d) => sum + d.amount, 0)
  // Everyone buys groceries: at least 150 a month, whatever is left.
  let budget = Math.max(left * p.spendRatio, 150)
  for (let i = r.int(1, 3); i > 0; i--) {
    const day = dayOf(month, r.int(1, 28))
    const cash = r.pick([20, 40, 50, 60, 100])
    add(day, -cash, w.withdrawal(shortDate(day)))
    budget -= cash
  }
  const payments = Math.max(Math.round(budget / p.cardAmount), 4)
  for (let i = 0; i < payments; i++) {
    const day = dayOf(month, r.int(1, 28))
    const kind = r.next()
    const merchant =
      kind < 0.55 ? r.pick(w.groceries) : kind < 0.8 ? r.pick(w.restaurants) : r.pick(w.shops)
    add(day, -r.around(p.cardAmount, 0.8), w.card(merchant, shortDate(day)))
  }
  return drafts
}

const iso = (day: number): string => `${fromDayNumber(day)}T12:00:00.000Z`

/** Generates one customer's upload file. Pure: same options, same file. */
export const generateUpload = (options: GenerateOptions): Upload => {
  const { profile, country, months, seed } = options
  const endDate = options.endDate ?? DEFAULT_END_DATE
  const endDay = toDayNumber(endDate)
  const p = { ...PROFILE_PARAMETERS[profile], ...options.overrides }
  const w = WORDINGS[country]
  const r = createRandom(seed)
  const state = {
    employer: r.pick(w.employers),
    landlord: r.pick(w.landlords),
    splitPlans: [] as { start: number; amount: number; provider: string; n: number }[],
    paydayLoans: [] as { start: number; instalment: number; lender: string; n: number }[],
  }
  const drafts = monthsBack(endDate, months)
    .flatMap((month, index) => monthOfHistory(month, index, p, w, r, state))
    .filter((d) => d.day <= endDay)
  // Overdraft interest at each quarter's end on the days spent below zero, as banks charge it.
  drafts.sort((a, b) => a.day - b.day)
  let balance = p.openingBalance
  let negativeDays = 0
  const checking: Draft[] = []
  for (const d of drafts) {
    balance = cents(balance + d.amount)
    checking.push(d)
    if (balance < 0) negativeDays++
    const date = fromDayNumber(d.day)
    if (
      negativeDays > 0 &&
      date.slice(8, 10) >= '28' &&
      ['03', '06', '09', '12'].includes(date.slice(5, 7))
    ) {
      const interest = cents(Math.min(negativeDays * 0.9, 60))
      checking.push({ day: d.day, amount: -interest, description: w.overdraftInterest })
      balance = cents(balance - interest)
      negativeDays = 0
    }
  }
  const owner = { name: `${country} ${profile.toUpperCase()} CUSTOMER ${seed}` }
  const account = (
    type: 'CHECKING' | 'SAVINGS',
    name: string,
    list: readonly Draft[],
    closing: number,
    suffix: string,
  ): UploadAccount => ({
    type,
    usage: 'PERSONAL',
    name,
    balance: closing,
    balanceDate: iso(endDay),
    currency: w.currency,
    owners: [owner],
    iban: `${w.bank.ibanPrefix}${String(seed).padStart(8, '0')}${suffix}`,
    bic: w.bank.bic,
    bank: { id: country, name: w.bank.name },
    transactions: list.map((d) => ({
      description: d.description,
      amount: d.amount,
      currency: w.currency,
      dates: { debitedAt: iso(d.day), bookedAt: iso(d.day) },
    })),
  })
  const accounts = [account('CHECKING', 'Compte courant', checking, balance, '0001')]
  if (p.monthlySaving > 0) {
    const savings = checking
      .filter((d) => d.description === w.toSavings)
      .map((d) => ({ day: d.day, amount: -d.amount, description: w.fromChecking }))
    const closing = cents(savings.reduce((s, d) => s + d.amount, p.monthlySaving * 10))
    accounts.push(account('SAVINGS', 'Epargne', savings, closing, '0002'))
  }
  return { format: 'ALGOAN', accounts }
}
