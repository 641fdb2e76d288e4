/**
 * Calendar arithmetic the Report API's figures share: the complete calendar months of a
 * statement period (the engine's convention for monthly averages, docs/decisions/
 * engine-insights-conventions.md), sums per month, and the slope of a linear fit.
 */
import { daysBetween, daysInMonth, monthOf } from '../../engine/model/index.ts'

export interface ReportPeriod {
  /** First and last day of the statement, `YYYY-MM-DD`. */
  start: string
  end: string
  /** The calendar months the period covers entirely, oldest first (`YYYY-MM`). */
  completeMonths: string[]
  /** The month of `end` when the period stops before its last day; null otherwise. */
  incompleteMonth: string | null
}

const nextMonth = (month: string): string => {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

export const previousMonth = (month: string): string => {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`
}

export const lastDayOf = (month: string): string =>
  `${month}-${String(daysInMonth(`${month}-01`)).padStart(2, '0')}`

/** The period from `start` to `end`, with its complete months. */
export const periodOf = (start: string, end: string): ReportPeriod => {
  const completeMonths: string[] = []
  const endMonth = monthOf(end)
  const endComplete = end === lastDayOf(endMonth)
  for (let month = monthOf(start); month <= endMonth; month = nextMonth(month)) {
    const first = `${month}-01`
    if (first >= start && lastDayOf(month) <= end) completeMonths.push(month)
  }
  return { start, end, completeMonths, incompleteMonth: endComplete ? null : endMonth }
}

/** The first day of the `count` calendar months that end with the last complete one of `end`. */
export const startOfLastMonths = (end: string, count: number): string => {
  let month = end === lastDayOf(monthOf(end)) ? monthOf(end) : previousMonth(monthOf(end))
  for (let i = 1; i < count; i++) month = previousMonth(month)
  return `${month}-01`
}

/** Sums `value` per complete month of the period (0 for a month without items). */
export const perMonth = <T>(
  period: ReportPeriod,
  items: readonly T[],
  dateOf: (item: T) => string,
  value: (item: T) => number,
): number[] => {
  const sums = new Map(period.completeMonths.map((month) => [month, 0]))
  for (const item of items) {
    const month = monthOf(dateOf(item))
    const sum = sums.get(month)
    if (sum !== undefined) sums.set(month, sum + value(item))
  }
  return period.completeMonths.map((month) => sums.get(month) ?? 0)
}

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Least-squares slope of `values` against 0, 1, 2 …; null with fewer than two points. */
export const slope = (values: readonly number[]): number | null => {
  const n = values.length
  if (n < 2) return null
  const xMean = (n - 1) / 2
  const yMean = values.reduce((sum, value) => sum + value, 0) / n
  let numerator = 0
  let denominator = 0
  values.forEach((value, x) => {
    numerator += (x - xMean) * (value - yMean)
    denominator += (x - xMean) ** 2
  })
  return numerator / denominator
}

/** Days from `date` to the end of the period. */
export const daysSince = (date: string | undefined, end: string): number | null =>
  date === undefined ? null : daysBetween(date, end)

/** Two decimals for money and ratios: the figures are read by people and by rules. */
export const round2 = (value: number | null): number | null =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 100) / 100

export const ratio = (numerator: number | null, denominator: number | null): number | null =>
  numerator === null || denominator === null || denominator === 0
    ? null
    : round2(numerator / denominator)
