import type { LocalDate } from '../../../engine/model/index.ts'
import { toLocalDate } from '../../common/dates.ts'

/**
 * Date layouts found in statement files. Two-digit years are 20yy: statements before 2000 are
 * not open-banking data.
 */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'YYYYMMDD',
  'DD/MM/YY',
  'DD.MM.YY',
  'MM/DD/YYYY',
  'YYYY/MM/DD',
  'YYMMDD',
] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

const PATTERNS: Readonly<Record<DateFormat, { re: RegExp; order: 'ymd' | 'dmy' | 'mdy' }>> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/, order: 'ymd' },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  'DD-MM-YYYY': { re: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
  'DD/MM/YY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/, order: 'dmy' },
  'DD.MM.YY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/, order: 'dmy' },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'mdy' },
  'YYYY/MM/DD': { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: 'ymd' },
  YYMMDD: { re: /^(\d{2})(\d{2})(\d{2})$/, order: 'ymd' },
}

const year = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text))

/** Reads `text` in the given layout; undefined when it does not fit or the day does not exist. */
export const readDate = (text: string, format: DateFormat): LocalDate | undefined => {
  const { re, order } = PATTERNS[format]
  const match = re.exec(text.trim())
  if (!match) return undefined
  const [a = '', b = '', c = ''] = match.slice(1)
  if (order === 'ymd') return toLocalDate(year(a), Number(b), Number(c))
  if (order === 'dmy') return toLocalDate(year(c), Number(b), Number(a))
  return toLocalDate(year(c), Number(a), Number(b))
}

/**
 * The layout that reads the most samples (a few bad rows must not hide the layout of the rest),
 * at least half of them. On a tie the earlier of `DATE_FORMATS` wins: day-first before
 * month-first, since the formats we serve are European and a US file shows itself by a "day"
 * above 12. Undefined when none fits.
 */
export const detectDateFormat = (samples: readonly string[]): DateFormat | undefined => {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0)
  let best: { format: DateFormat; count: number } | undefined
  for (const format of DATE_FORMATS) {
    const count = values.filter((value) => readDate(value, format) !== undefined).length
    if (count > (best?.count ?? 0)) best = { format, count }
  }
  return best !== undefined && best.count * 2 >= values.length ? best.format : undefined
}
