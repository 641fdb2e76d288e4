/** Periodicity, due days, intervals, accuracy and repartition of a detected flow. */
import type { Periodicity, Regularity, Repartition } from '../model/index.ts'
import { dayOfMonthOf, monthIndexOf } from '../model/index.ts'
import type { Period } from '../insights/ledger.ts'

/**
 * Nominal length of each periodicity in days, and how far an interval may drift from it and
 * still count: due dates move around week-ends and bank holidays (±2–3 days), monthly debits
 * fall on 28–31-day months (±6 covers a debit moved from the 1st to the 5th).
 */
const CADENCES: readonly { periodicity: Periodicity; days: number; tolerance: number }[] = [
  { periodicity: 'DAILY', days: 1, tolerance: 0.5 },
  { periodicity: 'WEEKLY', days: 7, tolerance: 2 },
  { periodicity: 'BIWEEKLY', days: 14, tolerance: 3 },
  { periodicity: 'MONTHLY', days: 30.44, tolerance: 6 },
  { periodicity: 'BIMONTHLY', days: 60.88, tolerance: 10 },
  { periodicity: 'QUARTERLY', days: 91.31, tolerance: 15 },
  { periodicity: 'SEMI_ANNUAL', days: 182.62, tolerance: 25 },
  { periodicity: 'YEARLY', days: 365.25, tolerance: 35 },
]

const MONTHLY = CADENCES[3] as (typeof CADENCES)[number] // the MONTHLY row above

/**
 * A debit re-presented after a rejection or paid late breaks the intervals (31, 24, 7) while the
 * stream is still one payment a month: every month between the first and the last occurrence
 * has one, and no month more than two. `days` are sorted.
 */
const isMonthlyByCalendar = (days: readonly number[]): boolean => {
  if (days.length === 0) return false
  const firstMonth = monthIndexOf(days[0] as number) // not empty
  const spanned = monthIndexOf(days[days.length - 1] as number) - firstMonth + 1
  if (spanned < 3) return false
  // Sorted days: months come in runs, each month of the span must have a run of 1 or 2 days.
  let expected = firstMonth
  let run = 0
  for (const day of days) {
    const month = monthIndexOf(day)
    if (month === expected) {
      if (++run > 2) return false
    } else if (month === expected + 1 && run > 0) {
      expected = month
      run = 1
    } else return false
  }
  return expected === firstMonth + spanned - 1
}

/** Median of numbers, half-way between the two middle ones for an even count; 0 when empty. */
const median = (values: readonly number[]): number => {
  const n = values.length
  if (n === 0) return 0
  // A typed copy sorts numerically without a comparator.
  const sorted = Float64Array.from(values).sort()
  const mid = n >> 1
  return n % 2 === 1
    ? (sorted[mid] as number) // mid < n
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2 // n >= 2
}

const intervalsOf = (days: readonly number[]): number[] => {
  const intervals = new Array<number>(Math.max(days.length - 1, 0))
  for (let i = 1; i < days.length; i++) {
    intervals[i - 1] = (days[i] as number) - (days[i - 1] as number) // 1 <= i < length
  }
  return intervals
}

/** Sorted days without repeats. */
const uniqueDays = (sortedDays: readonly number[]): number[] => {
  const unique: number[] = []
  for (const day of sortedDays) if (unique[unique.length - 1] !== day) unique.push(day)
  return unique
}

/**
 * Occurrences closer than a quarter of the usual interval are one due date seen twice (a
 * re-presented direct debit, a split bill): merged, so a monthly loan debited on the 5th and
 * the 6th stays monthly. Returns `days` itself when nothing is merged.
 */
const mergeCloseOccurrences = (days: number[]): number[] => {
  const typical = median(intervalsOf(days))
  if (typical < 4) return days
  const merged: number[] = []
  for (const day of days) {
    const last = merged[merged.length - 1]
    if (last === undefined || day - last >= typical / 4) merged.push(day)
  }
  return merged
}

const repartitionOf = (
  first: number,
  last: number,
  cadenceDays: number,
  period: Period,
): Repartition => {
  // A stream "begins" or "stops" inside the period when one and a half cycles are missing at
  // either end: one missing cycle can be a skipped month or a debit moved to the next one.
  const margin = cadenceDays * 1.5
  const begun = first - period.startDay > margin
  const stopped = period.endDay - last > margin
  if (begun && stopped) return 'HAS_BEGUN_AND_STOPPED_DURING_ANALYSIS'
  if (stopped) return 'HAS_STOPPED_BEFORE_END_OF_ANALYSIS'
  if (begun) return 'HAS_BEGUN_AFTER_START_OF_ANALYSIS'
  return 'HAS_NOT_CHANGED_DURING_ANALYSIS'
}

/** Whether sorted transaction days keep one of the cadences (the cheap part of `regularityOf`). */
export const hasCadence = (sortedDays: readonly number[]): boolean => {
  const days = mergeCloseOccurrences(uniqueDays(sortedDays))
  const intervals = intervalsOf(days)
  if (intervals.length === 0) return false
  const typical = median(intervals)
  const cadence = CADENCES.find((c) => Math.abs(typical - c.days) <= c.tolerance)
  if (cadence === undefined) return isMonthlyByCalendar(days)
  // Most intervals on time, or random purchases whose median happens to be ~30 days would pass.
  const onTime = intervals.filter((i) => Math.abs(i - cadence.days) <= cadence.tolerance).length
  return onTime * 2 >= intervals.length || isMonthlyByCalendar(days)
}

/**
 * Regularity of a flow from its transaction days (sorted, days since 1970-01-01).
 * `dueDays` are days of the month (1–31) for monthly and longer cadences, days of the week
 * (0 = Sunday) for weekly and biweekly ones, empty for daily or irregular flows.
 * `accuracy` is the share of intervals that fall within the cadence's tolerance, 0–100.
 */
export const regularityOf = (sortedDays: readonly number[], period: Period): Regularity => {
  const unique = uniqueDays(sortedDays)
  const days = mergeCloseOccurrences(unique)
  const intervals = intervalsOf(days)
  const first = unique[0] ?? period.startDay
  const last = unique[unique.length - 1] ?? period.endDay
  if (intervals.length === 0) {
    // One occurrence says nothing of a cadence; a month is the usual one for what gets here
    // (a first loan instalment), and decides whether it started or stopped inside the period.
    return {
      dueDays: [dayOfMonthOf(first)],
      interval: { min: 0, max: 0 },
      meanNumberOfDaysInInterval: 0,
      accuracy: 0,
      periodicity: 'OTHER',
      repartition: repartitionOf(first, last, 30.44, period),
    }
  }
  const typical = median(intervals)
  const cadence =
    CADENCES.find((c) => Math.abs(typical - c.days) <= c.tolerance) ??
    (isMonthlyByCalendar(days) ? MONTHLY : undefined)
  const periodicity = cadence?.periodicity ?? 'OTHER'
  const onTime =
    cadence === undefined
      ? 0
      : intervals.filter((i) => Math.abs(i - cadence.days) <= cadence.tolerance).length
  const mean = intervals.reduce((s, i) => s + i, 0) / intervals.length
  let dueDays: number[] = []
  if (periodicity === 'WEEKLY' || periodicity === 'BIWEEKLY') {
    dueDays = days.map((d) => (((d + 4) % 7) + 7) % 7) // 1970-01-01 was a Thursday
  } else if (periodicity !== 'DAILY' && periodicity !== 'OTHER') {
    dueDays = days.map(dayOfMonthOf)
  }
  let min = Infinity
  let max = -Infinity
  for (const i of intervals) {
    if (i < min) min = i
    if (i > max) max = i
  }
  return {
    dueDays: uniqueDays(dueDays.sort((a, b) => a - b)),
    interval: { min, max },
    meanNumberOfDaysInInterval: Math.round(mean),
    accuracy: Math.round((onTime / intervals.length) * 100),
    periodicity,
    repartition: repartitionOf(first, last, cadence?.days ?? typical, period),
  }
}
