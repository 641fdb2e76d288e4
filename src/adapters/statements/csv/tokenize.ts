/**
 * RFC 4180 reading of delimited text, in one linear pass: quoted fields may hold the delimiter,
 * doubled quotes and line breaks. Each row keeps the line it starts on, for issues. Fields are
 * sliced out of the text, not built character by character (which made the garbage collector
 * the main cost on large files).
 */

export interface CsvRow {
  /** 1-based line number where the row starts. */
  line: number
  cells: string[]
}

/** Reads at most `maxRows` rows (a sample for detection, or the bounded whole file). */
export const tokenize = (text: string, delimiter: string, maxRows: number): CsvRow[] => {
  const rows: CsvRow[] = []
  const length = text.length
  let line = 1
  let i = 0
  while (i < length && rows.length < maxRows) {
    const rowLine = line
    const cells: string[] = []
    // One row: cells until an unquoted line break or the end of the text.
    for (;;) {
      let cell: string
      let j = i
      while (j < length && (text[j] === ' ' || text[j] === '\t') && text[j] !== delimiter) j += 1
      if (text[j] === '"') {
        // Quoted cell: up to the closing quote, `""` standing for one quote.
        const parts: string[] = []
        let k = j + 1
        for (;;) {
          const close = text.indexOf('"', k)
          const end = close === -1 ? length : close
          const part = text.slice(k, end)
          for (let n = part.indexOf('\n'); n !== -1; n = part.indexOf('\n', n + 1)) line += 1
          parts.push(part)
          if (close === -1) {
            k = length
            break
          }
          if (text[close + 1] === '"') {
            parts.push('"')
            k = close + 2
            continue
          }
          k = close + 1
          break
        }
        // Anything between the closing quote and the delimiter is kept, as lenient readers do.
        let m = k
        while (m < length && text[m] !== delimiter && text[m] !== '\n' && text[m] !== '\r') m += 1
        cell = parts.join('') + text.slice(k, m)
        i = m
      } else {
        let m = i
        while (m < length && text[m] !== delimiter && text[m] !== '\n' && text[m] !== '\r') m += 1
        cell = text.slice(i, m)
        i = m
      }
      cells.push(cell)
      if (i < length && text[i] === delimiter) {
        i += 1
        continue
      }
      break
    }
    // The line break ending the row.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2
    else if (i < length) i += 1
    line += 1
    rows.push({ line: rowLine, cells })
  }
  return rows
}
