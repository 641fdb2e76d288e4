/**
 * The shape of SWIFT MT940 customer statements: tagged fields (`:20:`, `:25:`, `:60F:`, `:61:`,
 * `:86:`, `:62F:`, `:64:`), optionally inside a SWIFT envelope (`{1:…}{2:…}{4:` … `-}`). A file
 * may hold many statements, each starting at `:20:`. Field 86 comes in three dialects, read by
 * `field-86.ts`.
 */

/** One tagged field with the line it starts on. Continuation lines are kept as separate lines. */
export interface Mt940Field {
  tag: string
  lines: string[]
  line: number
}

/** Whether the text looks like MT940 (checked on its first few KB). */
export const looksLikeMt940 = (head: string): boolean =>
  /^:20:/m.test(head) && /^:(60F|60M|61|25):/m.test(head)

const FIELD_START = /^:(\d{2}[A-Z]?):(.*)$/

/**
 * Splits the text into statements of fields. Envelope lines (`{1:…}`, `-}`) and blank lines are
 * dropped; a line that does not start a field continues the previous one.
 */
export const readStatements = (lines: readonly string[]): Mt940Field[][] => {
  const statements: Mt940Field[][] = []
  let current: Mt940Field[] | undefined
  let field: Mt940Field | undefined
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\{4:\s*$/, '').replace(/^\{1:.*$/, '')
    if (line.trim() === '' || /^-\}?\s*$/.test(line) || line.startsWith('{')) return
    const match = FIELD_START.exec(line)
    if (match) {
      const [, tag = '', rest = ''] = match
      field = { tag, lines: [rest], line: index + 1 }
      if (tag === '20' || current === undefined) {
        current = []
        statements.push(current)
      }
      current.push(field)
      return
    }
    field?.lines.push(line)
  })
  return statements
}

/**
 * `:61:` statement line: value date YYMMDD, optional entry date MMDD, mark (C, D, RC, RD), optional
 * funds code, amount with a decimal comma, transaction type (N + 3 chars), references.
 */
export const STATEMENT_LINE =
  /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15},\d{0,3})([NSF][A-Z0-9]{3})?([^/]*)(?:\/\/(.*))?$/

/** `:60F:` / `:62F:` / `:64:` balance: mark, date YYMMDD, currency, amount. */
export const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d{1,15},\d{0,3})$/

/** Balance tags, best first: closing booked, intermediate closing, closing available, opening. */
export const BALANCE_RANK: Readonly<Record<string, number>> = {
  '62F': 0,
  '62M': 1,
  '64': 2,
  '60F': 3,
  '60M': 4,
}
/** Opening balances state the balance of the day before. */
export const OPENING_TAGS: ReadonlySet<string> = new Set(['60F', '60M'])
