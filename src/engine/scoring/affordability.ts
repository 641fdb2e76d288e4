/**
 * Affordability of a requested credit (the v1 scoring API's question: "can this customer carry
 * this credit?"): the monthly instalment, the residual income before and after it, debt-to-income
 * before and after, a replay of the last months of daily balances with the instalment debited on
 * the customer's usual debit day, and a 0–100 score: half the credit score, half an affordability
 * sub-score moved by each of these, every move a reason code (docs/scoring.md,
 * docs/reason-codes.md).
 *
 * Pure: the figures come in as an `AffordabilityInput` (see affordability-input.ts, which reads
 * them from a stored analysis), `asOf` and the rate come in the context.
 *
 * Known limits: the instalment is a constant annuity (no fees, no insurance); the replay keeps
 * every past movement as it was, so a customer who used to sweep their surplus to savings looks
 * tighter than they are; one debit day for the whole history.
 */
import type { LocalDate, Minor } from '../model/index.ts'
import {
  addDays,
  civilOf,
  daysInMonth,
  fromDayNumber,
  toDayNumber,
  toMajor,
} from '../model/index.ts'
import type { ReasonCode } from './reason-codes.ts'
import { clamp } from './scorecard.ts'

/** The credit asked for, amounts in minor units of `currency`. */
export interface LoanRequest {
  amount: Minor
  /** Paid by the customer at the start; the credit is `amount − upfront`. */
  upfront: Minor
  /** Months, 1 or more. */
  duration: number
}

/** What affordability reads from an analysis, amounts as positive minor units per month. */
export interface AffordabilityInput {
  currency: string
  monthlyIncome: Minor
  /** Recurring charges other than credits and housing (energy, telecoms, insurance, taxes …). */
  monthlyRecurringExpenses: Minor
  monthlyCreditRepayments: Minor
  /** Rent (a mortgage is a credit repayment). */
  monthlyHousing: Minor
  /** The 12-month credit score (0–1000), null when scores were not computed. */
  creditScore: number | null
  /** Reasons of the credit score, with their points on the 0–1000 scale. */
  creditScoreReasons: readonly { code: string; impact: number }[]
  /** Summed end-of-day balance of the analysed checking accounts, one per consecutive day. */
  dailyBalances: { startDate: LocalDate; balances: readonly Minor[] } | null
  /** Day of month (1–28) the customer's debits usually fall on. */
  debitDay: number
}

export interface AffordabilityContext {
  asOf: LocalDate
  /** Nominal annual interest rate in percent (3.5 = 3.5 %); 0 by default. */
  annualRatePercent?: number
}

export interface BalanceReplay {
  from: LocalDate
  to: LocalDate
  days: number
  debitDay: number
  /** Instalments debited during the replay. */
  debits: number
  lowestBalanceBefore: Minor
  daysBelowZeroBefore: number
  daysBelowZero: number
  /** Days the replayed balance is below the lowest balance actually seen. */
  daysBelowLowest: number
  /** Days below zero, or below the overdraft actually seen when the customer used one. */
  shortfallDays: number
  deepestBalance: Minor
}

export interface AffordabilityReason {
  code: string
  /** Signed points on the 0–100 scale (positive = safer). */
  impact: number
}

export interface Affordability {
  version: string
  currency: string
  principal: Minor
  instalment: Minor
  annualRatePercent: number
  monthlyIncome: Minor
  monthlyRecurringExpenses: Minor
  monthlyCreditRepayments: Minor
  monthlyHousing: Minor
  residualIncome: Minor
  residualAfterInstalment: Minor
  /** Credit repayments / income (0.35 = 35 %); null without income. */
  debtToIncomeBefore: number | null
  debtToIncomeAfter: number | null
  replay: BalanceReplay | null
  /** 0–100, 100 = the safest. */
  score: number
  /** Every effect, the strongest first: affordability codes and the credit score's own. */
  reasons: AffordabilityReason[]
}

export const AFFORDABILITY_VERSION = '1.0.0'

/** Six months of balances replayed: enough for two quarters of bills, recent enough to matter. */
export const REPLAY_MONTHS = 6
/** Fewer days than three months: the replay says little (REPLAY_SHORT). */
const REPLAY_MIN_DAYS = 90
/** Without a credit score its half of the scale is taken at its middle. */
const NEUTRAL_CREDIT = 50
/**
 * The affordability half starts at 70: a credit nothing speaks for or against is carried, with
 * room for the few signs that it is carried easily.
 */
const AFFORDABILITY_BASE = 70
/** The credit score and affordability weigh half each (see docs/scoring.md). */
const CREDIT_WEIGHT = 0.5
const AFFORDABILITY_WEIGHT = 0.5
/**
 * A credit whose instalment exceeds the residual income scores at most 20, whatever the credit
 * score: a spotless history does not pay an instalment the budget does not have.
 */
const UNAFFORDABLE_CAP = 20
/** Credit score reasons kept in the list. */
const CREDIT_REASONS = 6

/**
 * The monthly instalment of `principal` over `months` at a nominal annual rate: the annuity
 * P·r / (1 − (1 + r)^−n) with r the monthly rate, P / n at 0 %. Rounded up to the minor unit so
 * that n instalments always repay the principal. Non-decreasing in the principal.
 */
export const monthlyInstalment = (
  principal: Minor,
  months: number,
  annualRatePercent = 0,
): Minor => {
  if (principal <= 0 || months <= 0) return 0
  const r = annualRatePercent / 100 / 12
  const exact = r === 0 ? principal / months : (principal * r) / (1 - (1 + r) ** -months)
  // 1e-9: 120000 / 12 is exactly 10000, but a rate's floating noise must not add a cent.
  return Math.ceil(exact - 1e-9)
}

/** The day of `month` (`YYYY-MM` as year, month) a debit on `debitDay` falls on. */
const debitDateIn = (year: number, month: number, debitDay: number): LocalDate => {
  const first = `${String(year).padStart(4, '0')}-${month < 10 ? `0${month}` : month}-01`
  return addDays(first, Math.min(debitDay, daysInMonth(first)) - 1)
}

/**
 * Replays the last `REPLAY_MONTHS` months (up to `asOf`) of the summed daily balances with
 * `instalment` debited on `debitDay` of each month, each debit lowering every later day.
 */
export const replayBalances = (
  series: NonNullable<AffordabilityInput['dailyBalances']>,
  instalment: Minor,
  debitDay: number,
  asOf: LocalDate,
): BalanceReplay | null => {
  const seriesStart = toDayNumber(series.startDate)
  const seriesEnd = seriesStart + series.balances.length - 1
  const end = Math.min(toDayNumber(asOf), seriesEnd)
  const { year, month, dayOfMonth } = civilOf(end)
  // The same day REPLAY_MONTHS months earlier (clamped to the month's length), then the day after.
  const back = (year * 12 + month - 1 - REPLAY_MONTHS) | 0
  const backYear = Math.floor(back / 12)
  const backMonth = (back % 12) + 1
  const backDate = debitDateIn(backYear, backMonth, Math.min(dayOfMonth, 28))
  const start = Math.max(toDayNumber(backDate) + 1, seriesStart)
  if (end < start) return null
  let debits = 0
  let lowestBefore = Infinity
  let deepest = Infinity
  let belowZeroBefore = 0
  let belowZero = 0
  const replayed: number[] = []
  for (let day = start; day <= end; day++) {
    const c = civilOf(day)
    const monthLength = daysInMonth(fromDayNumber(day))
    if (c.dayOfMonth === Math.min(debitDay, monthLength)) debits++
    const before = series.balances[day - seriesStart] ?? 0
    const after = before - debits * instalment
    replayed.push(after)
    if (before < lowestBefore) lowestBefore = before
    if (after < deepest) deepest = after
    if (before < 0) belowZeroBefore++
    if (after < 0) belowZero++
  }
  const floor = Math.min(0, lowestBefore)
  let belowLowest = 0
  let shortfall = 0
  for (const after of replayed) {
    if (after < lowestBefore) belowLowest++
    if (after < floor) shortfall++
  }
  return {
    from: fromDayNumber(start),
    to: fromDayNumber(end),
    days: end - start + 1,
    debitDay,
    debits,
    lowestBalanceBefore: lowestBefore,
    daysBelowZeroBefore: belowZeroBefore,
    daysBelowZero: belowZero,
    daysBelowLowest: belowLowest,
    shortfallDays: shortfall,
    deepestBalance: deepest,
  }
}

/** The figures the affordability scorecard reads. */
interface Figures {
  currency: string
  monthlyIncome: Minor
  instalment: Minor
  residualIncome: Minor
  residualAfterInstalment: Minor
  debtToIncomeAfter: number | null
  replay: BalanceReplay | null
}

type Line = (f: Figures) => { code: ReasonCode; points: number } | null

/**
 * The affordability scorecard, on the 0–100 scale. Every line is a non-increasing function of
 * the instalment (the property test checks that a larger credit never scores higher), so each
 * threshold reads a figure that only worsens as the instalment grows.
 */
export const affordabilityCard: readonly Line[] = [
  (f) => {
    // Residual income left once the instalment is paid: what the household lives on. 500 a month
    // is about the French "reste à vivre" lenders ask of a single person.
    const after = toMajor(f.residualAfterInstalment, f.currency)
    if (after < 0) return { code: 'RESIDUAL_AFTER_NEGATIVE', points: -40 }
    if (after < 500) return { code: 'RESIDUAL_AFTER_LOW', points: -15 }
    if (after >= 1500) return { code: 'RESIDUAL_AFTER_COMFORTABLE', points: 5 }
    return null
  },
  (f) => {
    // The instalment's share of what is left each month: above half, one bad month breaks it.
    if (f.instalment === 0) return null
    const share = f.residualIncome > 0 ? f.instalment / f.residualIncome : Infinity
    if (share > 0.5) return { code: 'INSTALMENT_HEAVY', points: -15 }
    if (share > 0.3) return { code: 'INSTALMENT_SIGNIFICANT', points: -5 }
    if (share <= 0.1) return { code: 'INSTALMENT_LIGHT', points: 5 }
    return null
  },
  (f) => {
    // 35 %: the French regulator's ceiling (HCSF) for all credits together; 50 %: over-indebted.
    const dti = f.debtToIncomeAfter ?? Infinity
    if (dti >= 0.5) return { code: 'DTI_AFTER_VERY_HIGH', points: -20 }
    if (dti >= 0.35) return { code: 'DTI_AFTER_HIGH', points: -10 }
    return null
  },
  (f) => {
    if (f.replay === null) return { code: 'REPLAY_UNAVAILABLE', points: -5 }
    // Per month of replay, so that three and six months of history compare.
    const perMonth = f.replay.shortfallDays / Math.max(f.replay.days / 30.44, 1)
    if (perMonth > 3) return { code: 'REPLAY_SHORTFALL_FREQUENT', points: -25 }
    if (perMonth > 0) return { code: 'REPLAY_SHORTFALL_SOME', points: -10 }
    return { code: 'REPLAY_NO_SHORTFALL', points: 5 }
  },
  (f) => {
    // The replay's deepest balance beyond half a month of income: the credit would have dug a
    // hole a salary cannot fill.
    if (f.replay === null) return null
    const limit = -Math.max(f.monthlyIncome, 0) / 2
    return f.replay.deepestBalance < Math.min(limit, f.replay.lowestBalanceBefore)
      ? { code: 'REPLAY_DEEP', points: -10 }
      : null
  },
  (f) =>
    f.replay !== null && f.replay.days < REPLAY_MIN_DAYS
      ? { code: 'REPLAY_SHORT', points: -5 }
      : null,
]

const byStrength = (a: AffordabilityReason, b: AffordabilityReason): number =>
  Math.abs(b.impact) - Math.abs(a.impact) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

const round1 = (value: number): number => Math.round(value * 10) / 10

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null

/**
 * The affordability of `request` for the customer described by `input`.
 *
 * @example
 * const a = computeAffordability(input, { amount: 300000, upfront: 0, duration: 12 }, { asOf })
 * a.instalment // 25000 (250.00 a month at 0 %)
 */
export const computeAffordability = (
  input: AffordabilityInput,
  request: LoanRequest,
  ctx: AffordabilityContext,
): Affordability => {
  const annualRatePercent = ctx.annualRatePercent ?? 0
  const principal = Math.max(request.amount - request.upfront, 0)
  const instalment = monthlyInstalment(principal, request.duration, annualRatePercent)
  const residualIncome =
    input.monthlyIncome -
    input.monthlyRecurringExpenses -
    input.monthlyCreditRepayments -
    input.monthlyHousing
  const residualAfterInstalment = residualIncome - instalment
  const replay =
    input.dailyBalances === null
      ? null
      : replayBalances(input.dailyBalances, instalment, input.debitDay, ctx.asOf)
  const figures: Figures = {
    currency: input.currency,
    monthlyIncome: input.monthlyIncome,
    instalment,
    residualIncome,
    residualAfterInstalment,
    debtToIncomeAfter: ratio(input.monthlyCreditRepayments + instalment, input.monthlyIncome),
    replay,
  }
  const reasons: AffordabilityReason[] = []
  let points = 0
  for (const line of affordabilityCard) {
    const hit = line(figures)
    if (hit === null || hit.points === 0) continue
    points += hit.points
    reasons.push({ code: hit.code, impact: hit.points })
  }
  // Half the credit score (0–1000 read as 0–100), half the affordability sub-score; each reason
  // is given with its weight on the final scale.
  const credit = input.creditScore === null ? NEUTRAL_CREDIT : input.creditScore / 10
  const afford = clamp(AFFORDABILITY_BASE + points, 0, 100)
  let score = CREDIT_WEIGHT * credit + AFFORDABILITY_WEIGHT * afford
  if (residualAfterInstalment < 0) score = Math.min(score, UNAFFORDABLE_CAP)
  for (const reason of reasons) reason.impact = round1(reason.impact * AFFORDABILITY_WEIGHT)
  if (input.creditScore === null) reasons.push({ code: 'CREDIT_SCORE_MISSING', impact: 0 })
  for (const reason of input.creditScoreReasons.slice(0, CREDIT_REASONS)) {
    reasons.push({ code: reason.code, impact: round1((reason.impact / 10) * CREDIT_WEIGHT) })
  }
  reasons.sort(byStrength)
  return {
    version: AFFORDABILITY_VERSION,
    currency: input.currency,
    principal,
    instalment,
    annualRatePercent,
    monthlyIncome: input.monthlyIncome,
    monthlyRecurringExpenses: input.monthlyRecurringExpenses,
    monthlyCreditRepayments: input.monthlyCreditRepayments,
    monthlyHousing: input.monthlyHousing,
    residualIncome,
    residualAfterInstalment,
    debtToIncomeBefore: ratio(input.monthlyCreditRepayments, input.monthlyIncome),
    debtToIncomeAfter: figures.debtToIncomeAfter,
    replay,
    score: clamp(Math.round(score), 0, 100),
    reasons,
  }
}
