/**
 * RFC 4180 reading of delimited text, in one linear pass: quoted fields may hold the delimiter,
 * doubled quotes and line breaks. Each row keeps the line it starts on, for issues.
 */

export interface CsvRow {
  /** 1-based line number where the row starts. */
  line: number
  cells: string[]
}

/** Reads at most `maxRows` rows (a sample for detection, or the bounded whole file). */
export const tokenize = (text: string, delimiter: string, maxRows: number): CsvRow[] => {
  const rows: CsvRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  let i = 0
  const endRow = () => {
    cells.push(cell)
    rows.push({ line: rowLine, cells })
    cells = []
    cell = ''
  }
  while (i < text.length && rows.length < maxRows) {
    const ch = text[i] as string // i < length
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (ch === '\n') line += 1
        cell += ch
      }
      i += 1
      continue
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (ch === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1
      endRow()
      line += 1
      rowLine = line
    } else {
      cell += ch
    }
    i += 1
  }
  if (rows.length < maxRows && (cell !== '' || cells.length > 0)) endRow()
  return rows
}
