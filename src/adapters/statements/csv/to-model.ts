/**
 * CSV rows → statements. Detection, in order: the delimiter and header row together (the first
 * of `; , tab |` under which a row within the first 30 names a date column and an amount, or
 * debit/credit, column); then a bank preset by the header's signature, else the generic
 * synonyms; then the date layout (the first that reads every value of the date column) and the
 * decimal separator (from the amounts themselves). Anything given in the options wins.
 *
 * One file may hold several accounts when it has an account column; otherwise it is one account.
 * Knowingly wrong: a file with no currency column is read in the preset's currency, else EUR.
 */
import type { AdapterIssue } from '../../result.ts'
import { decimalToMinor, isCurrencyCode } from '../../common/amounts.ts'
import { detectDateFormat, readDate, type DateFormat } from '../shared/dates.ts'
import { MAX_ENTRIES, type StatementAccount, type StatementEntry } from '../shared/statement.ts'
import { PRESETS } from './presets.ts'
import {
  CREDIT_WORDS,
  DEBIT_WORDS,
  normaliseHeader,
  PENDING_WORDS,
  SYNONYMS,
  type ColumnRole,
  type CsvLayout,
} from './schema.ts'
import { tokenize, type CsvRow } from './tokenize.ts'
import { excerpt } from '../../common/excerpt.ts'

export interface CsvOptions {
  delimiter?: string
  decimal?: '.' | ','
  dateFormat?: DateFormat
  /** Preset id (`ING_NL` …) to use instead of detecting one. */
  preset?: string
  /** Currency when the file has no currency column. */
  currency?: string
}

const DELIMITERS = [';', ',', '\t', '|'] as const
/** Rows whose dates decide the date layout. */
const DATE_SAMPLE_ROWS = 2000
/** Rows searched for the header: some banks put the account and period above it. */
const HEADER_SEARCH_ROWS = 30

/** Finds the delimiter, header row and column roles. Undefined when no header is recognisable. */
export const detectLayout = (
  text: string,
  options: CsvOptions,
  issues: AdapterIssue[],
): { layout: CsvLayout; headers: string[] } | undefined => {
  const preset =
    options.preset === undefined
      ? undefined
      : PRESETS.find((p) => p.id === options.preset?.toUpperCase())
  if (options.preset !== undefined && preset === undefined) {
    issues.push({
      path: 'preset',
      message: `unknown CSV preset "${options.preset}"; known: ${PRESETS.map((p) => p.id).join(', ')}`,
      severity: 'error',
    })
    return undefined
  }
  const delimiters = options.delimiter === undefined ? DELIMITERS : [options.delimiter]
  for (const delimiter of delimiters) {
    const sample = tokenize(text, delimiter, HEADER_SEARCH_ROWS)
    for (const [index, row] of sample.entries()) {
      if (row.cells.length < 2) continue
      const headers = row.cells.map(normaliseHeader)
      const matched = preset ?? PRESETS.find((p) => p.signature.every((h) => headers.includes(h)))
      const roles = headers.map((h): ColumnRole | undefined => matched?.roles[h] ?? SYNONYMS[h])
      const hasDate = roles.includes('date')
      const hasAmount =
        roles.includes('amount') || (roles.includes('debit') && roles.includes('credit'))
      if (!hasDate || !hasAmount) continue
      const layout: CsvLayout = {
        preset: matched?.id ?? 'GENERIC',
        delimiter,
        headerRow: index,
        roles: roles.map((role) => role ?? 'ignored'),
      }
      const dateFormat = options.dateFormat ?? matched?.dateFormat
      if (dateFormat) layout.dateFormat = dateFormat
      const decimal = options.decimal ?? matched?.decimal
      if (decimal) layout.decimal = decimal
      const currency = options.currency ?? matched?.currency
      if (currency) layout.currency = currency
      roles.forEach((role, column) => {
        if (role === undefined && headers[column] !== '') {
          issues.push({
            path: `line ${row.line}, column "${excerpt((row.cells[column] ?? '').trim(), 40)}"`,
            message: 'unknown column, ignored',
            severity: 'warning',
          })
        }
      })
      return { layout, headers: row.cells.map((cell) => cell.trim()) }
    }
  }
  issues.push({
    path: '$',
    message:
      'no header row found: a CSV statement needs a header naming at least a date column and an amount (or debit and credit) column',
    severity: 'error',
  })
  return undefined
}

/** The decimal separator the amounts use: `,` when some amount ends in `,d` or `,dd`. */
const detectDecimal = (values: readonly string[], delimiter: string): '.' | ',' => {
  if (values.some((v) => /,\d{1,2}-?\s*$/.test(v.trim()))) return ','
  if (values.some((v) => /\.\d{1,2}-?\s*$/.test(v.trim()))) return '.'
  // Whole amounts only: semicolon files come from comma-decimal countries.
  return delimiter === ';' ? ',' : '.'
}

interface Columns {
  date: number
  valueDate: number
  amount: number
  debit: number
  credit: number
  direction: number
  currency: number
  balance: number
  account: number
  accountName: number
  status: number
  description: number[]
}

const columnsOf = (roles: readonly ColumnRole[]): Columns => ({
  date: roles.indexOf('date'),
  valueDate: roles.indexOf('valueDate'),
  amount: roles.indexOf('amount'),
  debit: roles.indexOf('debit'),
  credit: roles.indexOf('credit'),
  direction: roles.indexOf('direction'),
  currency: roles.indexOf('currency'),
  balance: roles.indexOf('balance'),
  account: roles.indexOf('account'),
  accountName: roles.indexOf('accountName'),
  status: roles.indexOf('status'),
  description: roles.flatMap((role, index) => (role === 'description' ? [index] : [])),
})

const cellOf = (row: CsvRow, column: number): string =>
  column < 0 ? '' : (row.cells[column] ?? '').trim()

interface Draft {
  account: StatementAccount
  /** Running or export balances with their row's date and file position. */
  balances: { amount: number; date: string; position: number }[]
}

/** Reads the data rows under the detected layout into one statement per account. */
export const toStatements = (
  text: string,
  found: { layout: CsvLayout; headers: string[] },
  issues: AdapterIssue[],
): StatementAccount[] => {
  const { layout, headers } = found
  const rows = tokenize(text, layout.delimiter, layout.headerRow + 1 + MAX_ENTRIES + 1).slice(
    layout.headerRow + 1,
  )
  if (rows.length > MAX_ENTRIES) {
    issues.push({
      path: '$',
      message: `more than ${MAX_ENTRIES} rows: the file is not a personal bank statement`,
      severity: 'error',
    })
    return []
  }
  const preamble = readPreamble(tokenize(text, layout.delimiter, layout.headerRow))
  const columns = columnsOf(layout.roles)
  const dataRows = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''))
  // A sample of the dates is enough to tell the layout: the first rows of a large file.
  const dateFormat =
    layout.dateFormat ??
    detectDateFormat(
      dataRows
        .slice(0, DATE_SAMPLE_ROWS)
        .map((row) => cellOf(row, columns.date))
        .filter((v) => v !== ''),
    )
  if (dateFormat === undefined) {
    issues.push({
      path: `column "${headers[columns.date] ?? 'date'}"`,
      message: 'the dates are in no known layout (such as DD/MM/YYYY or YYYY-MM-DD)',
      severity: 'error',
    })
    return []
  }
  const amountValues = dataRows.flatMap((row) => [
    cellOf(row, columns.amount),
    cellOf(row, columns.debit),
    cellOf(row, columns.credit),
  ])
  const decimal = layout.decimal ?? detectDecimal(amountValues, layout.delimiter)
  const drafts = new Map<string, Draft>()
  let position = 0
  for (const row of dataRows) {
    position += 1
    const at = (column: number) =>
      `line ${row.line}, column "${excerpt(headers[column] ?? '', 40)}"`
    const skip = (column: number, message: string) =>
      issues.push({ path: at(column), message: `${message}; row skipped`, severity: 'warning' })
    const rawDate = cellOf(row, columns.date)
    const date = readDate(rawDate, dateFormat)
    if (date === undefined) {
      skip(
        columns.date,
        `expected a date like ${dateFormat} between 1970 and 2099, got "${excerpt(rawDate, 20)}"`,
      )
      continue
    }
    const currency = (cellOf(row, columns.currency) || layout.currency || 'EUR').toUpperCase()
    if (!isCurrencyCode(currency)) {
      skip(columns.currency, `expected an ISO 4217 currency code, got "${excerpt(currency, 10)}"`)
      continue
    }
    const amount = readAmount(row, columns, currency, decimal)
    if (typeof amount === 'string') {
      skip(columns.amount >= 0 ? columns.amount : columns.debit, amount)
      continue
    }
    const accountKey = cellOf(row, columns.account)
    const draftKey = `${accountKey}|${currency}`
    let draft = drafts.get(draftKey)
    if (!draft) {
      draft = {
        account: newAccount(
          accountKey || preamble.account,
          cellOf(row, columns.accountName),
          currency,
          row.line,
        ),
        balances: [],
      }
      if (preamble.holder !== undefined) draft.account.holderName = preamble.holder
      drafts.set(draftKey, draft)
    }
    const entry: StatementEntry = {
      date,
      amount,
      description: joinDescription(columns.description.map((c) => cellOf(row, c))),
    }
    const valueDate = readDate(cellOf(row, columns.valueDate), dateFormat)
    if (valueDate && valueDate !== date) entry.operationDate = valueDate
    const status = normaliseHeader(cellOf(row, columns.status))
    if (status !== '' && PENDING_WORDS.some((word) => status.includes(word))) entry.isComing = true
    draft.account.entries.push(entry)
    const balance = decimalToMinor(cellOf(row, columns.balance), currency, decimal)
    if (balance !== undefined) draft.balances.push({ amount: balance, date, position })
  }
  return [...drafts.values()].map(({ account, balances }) => {
    const latest = latestBalance(balances)
    if (latest) account.balance = latest
    return account
  })
}

/** A signed amount from the amount, debit/credit and direction columns, or why it cannot be read. */

/**
 * The description cells of a row as one text. A cell that another cell already contains (Monzo's
 * Name "Foxtons Ltd" in its Description "FOXTONS LTD RENT") is left out, so that the payee is not
 * read twice; of two equal cells the first is kept.
 */
const joinDescription = (cells: readonly string[]): string => {
  const texts = cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).filter((t) => t !== '')
  const upper = texts.map((t) => t.toUpperCase())
  const repeated = (i: number): boolean =>
    upper.some((other, j) => {
      const own = upper[i] ?? ''
      return j !== i && other.includes(own) && (other !== own || j < i)
    })
  return texts.filter((_, i) => !repeated(i)).join(' ')
}

const readAmount = (
  row: CsvRow,
  columns: Columns,
  currency: string,
  decimal: '.' | ',',
): number | string => {
  const read = (column: number) => {
    const text = cellOf(row, column).replace(/[€£$]|\b(EUR|GBP|USD)\b/g, '')
    return text === '' ? undefined : decimalToMinor(text, currency, decimal)
  }
  if (columns.amount >= 0) {
    const text = cellOf(row, columns.amount)
    const amount = read(columns.amount)
    if (amount === undefined)
      return `expected an amount with "${decimal}" decimals, got "${excerpt(text, 20)}"`
    if (columns.direction < 0) return amount
    const direction = normaliseHeader(cellOf(row, columns.direction))
    if (DEBIT_WORDS.has(direction)) return -Math.abs(amount)
    if (CREDIT_WORDS.has(direction)) return Math.abs(amount)
    return `expected a debit or credit mark, got "${excerpt(cellOf(row, columns.direction), 10)}"`
  }
  const debit = read(columns.debit)
  const credit = read(columns.credit)
  if (debit === undefined && credit === undefined) {
    return `expected an amount in the debit or credit column, got "${excerpt(cellOf(row, columns.debit), 20)}" and "${excerpt(cellOf(row, columns.credit), 20)}"`
  }
  return Math.abs(credit ?? 0) - Math.abs(debit ?? 0)
}

/** Labels of the account-holder line some banks write above the header. */
const HOLDER_LABELS: ReadonlySet<string> = new Set([
  'titular',
  'titulaire',
  'kontoinhaber',
  'account holder',
  'account name',
  'rekeninghouder',
  'naam',
  'name',
  'holder',
])
const ACCOUNT_LABELS: ReadonlySet<string> = new Set([
  'cuenta',
  'compte',
  'konto',
  'iban',
  'account',
  'account number',
  'rekening',
  'rekeningnummer',
  'numero de compte',
])

/** The account and holder named in `label;value` lines above the header, if any. */
const readPreamble = (rows: readonly CsvRow[]): { account: string; holder?: string } => {
  const found: { account: string; holder?: string } = { account: '' }
  for (const row of rows) {
    const label = normaliseHeader(row.cells[0] ?? '')
    const value = (row.cells[1] ?? '').trim()
    if (value === '') continue
    if (ACCOUNT_LABELS.has(label) && found.account === '') found.account = value
    if (HOLDER_LABELS.has(label) && found.holder === undefined) found.holder = value
  }
  return found
}

const newAccount = (
  key: string,
  name: string,
  currency: string,
  line: number,
): StatementAccount => {
  const account: StatementAccount = {
    source: `line ${line}`,
    currency,
    type: 'CHECKING',
    entries: [],
  }
  const compact = key.replace(/\s+/g, '')
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/i.test(compact)) account.iban = compact.toUpperCase()
  else if (key !== '') account.number = key
  if (name !== '') account.name = name
  return account
}

/**
 * The balance after the chronologically last row. Files list rows oldest-first or newest-first;
 * within the latest day, the row the file lists last (oldest-first) or first (newest-first) is the
 * last one booked.
 */
const latestBalance = (balances: readonly { amount: number; date: string; position: number }[]) => {
  if (balances.length === 0) return undefined
  const first = balances[0] as (typeof balances)[number] // length checked
  const last = balances[balances.length - 1] as (typeof balances)[number] // length checked
  const newestFirst = first.date > last.date
  let best = first
  for (const balance of balances) {
    if (
      balance.date > best.date ||
      (balance.date === best.date && !newestFirst && balance.position > best.position)
    ) {
      best = balance
    }
  }
  return { amount: best.amount, date: best.date }
}
