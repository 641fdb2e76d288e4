/** Periodicity, due days, intervals, accuracy and repartition of a detected flow. */
import type { Periodicity, Regularity, Repartition } from '../model/index.ts'
import { dayOfMonthOf, firstDayOfMonthIndex, monthIndexOf } from '../model/index.ts'
import type { Period } from '../insights/ledger.ts'

/**
 * Nominal length of each periodicity in days, and how far an interval may drift from it and
 * still count: due dates move around week-ends and bank holidays (±2–3 days), monthly debits
 * fall on 28–31-day months (±6 covers a debit moved from the 1st to the 5th).
 */
interface Cadence {
  periodicity: Periodicity
  days: number
  tolerance: number
}

const CADENCES: readonly Cadence[] = [
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
  // The month changes when a day reaches the next month's first day.
  let month = firstMonth
  let nextMonthStart = firstDayOfMonthIndex(month + 1)
  let run = 0
  for (const day of days) {
    if (day >= nextMonthStart) {
      month++
      nextMonthStart = firstDayOfMonthIndex(month + 1)
      if (day >= nextMonthStart) return false // a month without a day
      run = 0
    }
    if (++run > 2) return false
  }
  return month === firstMonth + spanned - 1
}

/** Median of numbers, half-way between the two middle ones for an even count; 0 when empty. */
const median = (values: readonly number[]): number => {
  const n = values.length
  const scratch = new Float64Array(n)
  for (let i = 0; i < n; i++) scratch[i] = values[i] as number // i < n
  return medianOfScratch(scratch, n)
}

/** `median(intervalsOf(days))` without building the intervals. */
const medianInterval = (days: readonly number[]): number => {
  const n = Math.max(days.length - 1, 0)
  const scratch = new Float64Array(n)
  for (let i = 0; i < n; i++) scratch[i] = (days[i + 1] as number) - (days[i] as number) // i + 1 < length
  return medianOfScratch(scratch, n)
}

/** Median of `scratch[0, n)`, which it sorts in place; 0 when `n` is 0. */
const medianOfScratch = (scratch: Float64Array, n: number): number => {
  if (n === 0) return 0
  const sorted = scratch
  if (n <= 32) {
    // Insertion sort: the usual handful of values.
    for (let i = 1; i < n; i++) {
      const v = sorted[i] as number // i < n
      let j = i - 1
      while (j >= 0 && (sorted[j] as number) > v) {
        sorted[j + 1] = sorted[j] as number // 0 <= j < i
        j--
      }
      sorted[j + 1] = v
    }
  } else sorted.subarray(0, n).sort() // numeric, no comparator
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

/** Sorted days without repeats (`sortedDays` itself when it has none). */
const uniqueDays = (sortedDays: readonly number[]): readonly number[] => {
  let i = 1
  while (i < sortedDays.length && sortedDays[i] !== sortedDays[i - 1]) i++
  if (i >= sortedDays.length) return sortedDays
  const unique = sortedDays.slice(0, i)
  for (; i < sortedDays.length; i++) {
    const day = sortedDays[i] as number // i < length
    if (unique[unique.length - 1] !== day) unique.push(day)
  }
  return unique
}

/** The cadence whose nominal length `typical` falls within, if any. */
const cadenceOf = (typical: number): Cadence | undefined => {
  for (const c of CADENCES) if (Math.abs(typical - c.days) <= c.tolerance) return c
  return undefined
}

/** How many intervals keep the cadence. */
const onTimeCount = (intervals: readonly number[], cadence: Cadence): number => {
  let n = 0
  for (const i of intervals) if (Math.abs(i - cadence.days) <= cadence.tolerance) n++
  return n
}

/**
 * Distinct values in 0–31 (days of the month, of the week), ascending: a bit set instead of a
 * set and a sort.
 */
const distinctSmall = (values: readonly number[]): number[] => {
  let seen = 0 // bit v set when v was seen
  for (const v of values) seen |= 1 << v
  const out: number[] = []
  for (let v = 0; v < 32; v++) if (((seen >>> v) & 1) === 1) out.push(v)
  return out
}

/**
 * Occurrences closer than a quarter of the usual interval are one due date seen twice (a
 * re-presented direct debit, a split bill): merged, so a monthly loan debited on the 5th and
 * the 6th stays monthly. Returns `days` itself when nothing is merged.
 */
const mergeCloseOccurrences = (days: readonly number[]): readonly number[] => {
  const typical = medianInterval(days)
  if (typical < 4) return days
  let close = false
  for (let i = 1; i < days.length && !close; i++) {
    close = (days[i] as number) - (days[i - 1] as number) < typical / 4 // 1 <= i < length
  }
  if (!close) return days
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
  const cadence = cadenceOf(typical)
  if (cadence === undefined) return isMonthlyByCalendar(days)
  // Most intervals on time, or random purchases whose median happens to be ~30 days would pass.
  const onTime = onTimeCount(intervals, cadence)
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
  const cadence = cadenceOf(typical) ?? (isMonthlyByCalendar(days) ? MONTHLY : undefined)
  const periodicity = cadence?.periodicity ?? 'OTHER'
  const onTime = cadence === undefined ? 0 : onTimeCount(intervals, cadence)
  let sum = 0
  let min = Infinity
  let max = -Infinity
  for (const i of intervals) {
    sum += i
    if (i < min) min = i
    if (i > max) max = i
  }
  const mean = sum / intervals.length
  let dueDays: number[] = []
  if (periodicity === 'WEEKLY' || periodicity === 'BIWEEKLY') {
    dueDays = distinctSmall(days.map((d) => (((d + 4) % 7) + 7) % 7)) // 1970-01-01 was a Thursday
  } else if (periodicity !== 'DAILY' && periodicity !== 'OTHER') {
    dueDays = distinctSmall(days.map(dayOfMonthOf))
  }
  return {
    dueDays,
    interval: { min, max },
    meanNumberOfDaysInInterval: Math.round(mean),
    accuracy: Math.round((onTime / intervals.length) * 100),
    periodicity,
    repartition: repartitionOf(first, last, cadence?.days ?? typical, period),
  }
}
