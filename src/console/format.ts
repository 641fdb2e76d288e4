/**
 * Dates, amounts and categories as an analyst reads them, in the customer's locale (the bank
 * data's country, see app/decision-file.ts `localeOf`).
 */
export interface Formatter {
  locale: string
  /** An amount in major units, with its currency. */
  money(amount: number, currency?: string): string
  /** A `YYYY-MM-DD…` date as a day. */
  day(date: string | null | undefined): string
  /** A short day for chart axes. */
  shortDay(date: string): string
  /** `LOAN_REPAYMENT_PERSONAL` → `Loan repayment personal`. */
  category(category: string): string
}

export const formatter = (locale: string, currency: string): Formatter => {
  const moneyFormats = new Map<string, Intl.NumberFormat>()
  const moneyFormat = (code: string) => {
    let format = moneyFormats.get(code)
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: code })
      moneyFormats.set(code, format)
    }
    return format
  }
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const shortFormat = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  })
  return {
    locale,
    money: (amount, code = currency) => moneyFormat(code).format(amount),
    day: (date) => {
      if (!date) return ''
      const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`)
      return Number.isNaN(parsed.getTime()) ? date : dayFormat.format(parsed)
    },
    shortDay: (date) => shortFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)),
    category: (category) => {
      const words = category.toLowerCase().replace(/_/g, ' ')
      return words.charAt(0).toUpperCase() + words.slice(1)
    },
  }
}
