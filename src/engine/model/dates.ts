/**
 * Calendar helpers on `YYYY-MM-DD` strings. Pure: `Date.UTC` is used only as arithmetic on
 * given values, never to read the clock.
 */

/** A calendar date `YYYY-MM-DD` (UTC). */
export type LocalDate = string

/** A month `YYYY-MM`. */
export type Month = string

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export const toDayNumber = (date: LocalDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
  DAY_MS

/** `YYYY-MM-DD` for a number of days since 1970-01-01. */
export const fromDayNumber = (day: number): LocalDate =>
  new Date(day * DAY_MS).toISOString().slice(0, 10)

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => toDayNumber(b) - toDayNumber(a)

export const addDays = (date: LocalDate, days: number): LocalDate =>
  fromDayNumber(toDayNumber(date) + days)

export const monthOf = (date: LocalDate): Month => date.slice(0, 7)

/** The calendar date (UTC) of an ISO date-time such as `2026-05-25T12:00:00.000Z`. */
export const localDateOf = (isoDateTime: string): LocalDate => isoDateTime.slice(0, 10)

/** Day of week, 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: LocalDate): number => (((toDayNumber(date) + 4) % 7) + 7) % 7

/** Number of days in the month of `date`. */
export const daysInMonth = (date: LocalDate): number =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate()

/** ISO date-time at midnight UTC for a calendar date, the wire form of dates. */
export const toIsoDateTime = (date: LocalDate): string => `${date}T00:00:00.000Z`
