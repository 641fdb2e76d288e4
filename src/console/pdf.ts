/**
 * The decision file as a PDF: A4, paginated (page numbers in the footer), the same sections as
 * the console page and the daily balance chart of each account, drawn as vectors from the same
 * chart model. Generated in-process by pdfkit with DejaVu Sans embedded (assets/fonts, Bitstream
 * Vera licence), so text extracts and prints the same everywhere; dates and amounts in the
 * customer's locale.
 */
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'
import type { DecisionFile } from '../app/decision-file.ts'
import { analysisView, type AnalysisView } from './analysis-view.ts'
import type { ChartModel } from './chart.ts'

const FONT = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url))
const FONT_BOLD = fileURLToPath(new URL('../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url))
/** Transactions listed at most: a decision file, not an export (the API serves them all). */
const MAX_TRANSACTIONS = 1500
const MARGIN = 40
const INK = '#1d2433'
const MUTED = '#5b6474'
const BAD = '#b3261e'
const ACCENT = '#1f5fbf'

type Doc = PDFKit.PDFDocument

const bottom = (doc: Doc) => doc.page.height - MARGIN - 20

const ensureRoom = (doc: Doc, height: number) => {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

const heading = (doc: Doc, text: string) => {
  ensureRoom(doc, 60)
  doc.moveDown(0.6).font('bold').fontSize(13).fillColor(INK).text(text, MARGIN)
  doc.moveDown(0.2).font('body').fontSize(9.5)
}

const paragraph = (doc: Doc, text: string, color = INK) => {
  ensureRoom(doc, 14)
  doc.font('body').fontSize(9.5).fillColor(color).text(text, MARGIN)
}

/** A table with fixed column widths (fractions of the text width); rows wrap, pages break. */
const table = (
  doc: Doc,
  columns: { title: string; width: number; right?: boolean }[],
  rows: string[][],
) => {
  const full = doc.page.width - 2 * MARGIN
  const widths = columns.map((c) => c.width * full)
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(8.5)
    const heights = cells.map((cell, i) =>
      doc.heightOfString(cell, { width: (widths[i] ?? 50) - 6 }),
    )
    const height = Math.max(...heights, 10) + 4
    if (doc.y + height > bottom(doc)) doc.addPage()
    const y = doc.y
    let x = MARGIN
    cells.forEach((cell, i) => {
      const width = (widths[i] ?? 50) - 6
      doc.fillColor(INK).text(cell, x + 3, y + 2, {
        width,
        align: columns[i]?.right ? 'right' : 'left',
      })
      x += widths[i] ?? 50
    })
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + full, y + height)
      .lineWidth(0.4)
      .strokeColor('#d8dde6')
      .stroke()
    doc.x = MARGIN
    doc.y = y + height
  }
  row(
    columns.map((c) => c.title),
    true,
  )
  for (const cells of rows) row(cells, false)
  doc.moveDown(0.4)
}

const chart = (
  doc: Doc,
  model: ChartModel,
  money: (n: number) => string,
  day: (d: string) => string,
) => {
  ensureRoom(doc, model.height + 10)
  const top = doc.y
  doc.save().translate(MARGIN, top)
  doc.font('body').fontSize(7).fillColor(MUTED)
  for (const tick of model.yTicks) {
    doc
      .moveTo(model.plot.left, tick.y)
      .lineTo(model.plot.right, tick.y)
      .lineWidth(0.3)
      .strokeColor('#e6e9ef')
      .stroke()
    doc.text(money(tick.value), 0, tick.y - 4, {
      width: model.plot.left - 4,
      align: 'right',
      lineBreak: false,
    })
  }
  for (const tick of model.xTicks) {
    doc.text(day(tick.date), tick.x - 25, model.height - 16, {
      width: 50,
      align: 'center',
      lineBreak: false,
    })
  }
  doc
    .moveTo(model.plot.left, model.zeroY)
    .lineTo(model.plot.right, model.zeroY)
    .dash(4, { space: 3 })
    .lineWidth(0.9)
    .strokeColor(BAD)
    .stroke()
    .undash()
  const [first, ...rest] = model.points
  if (first) {
    doc.moveTo(first.x, first.y)
    for (const p of rest) doc.lineTo(p.x, p.y)
    doc.lineWidth(1.1).strokeColor(ACCENT).stroke()
  }
  for (const incident of model.incidents) {
    doc.circle(incident.x, incident.y, 3).fillColor(BAD).fill()
  }
  doc.restore()
  doc.x = MARGIN
  doc.y = top + model.height + 4
}

const reasons = (doc: Doc, list: AnalysisView['creditReasons']) => {
  if (list.length === 0) paragraph(doc, 'No reason given.', MUTED)
  list.forEach((reason, i) => paragraph(doc, `${i + 1}. ${reason.text} (${reason.impact})`))
}

const write = (doc: Doc, file: DecisionFile, view: AnalysisView) => {
  const fmt = view.fmt
  doc.font('bold').fontSize(18).fillColor(INK).text('Decision file', MARGIN)
  doc.font('body').fontSize(10).fillColor(MUTED)
  doc.text(`Customer ${file.customer.customIdentifier} · analysis ${file.analysis.id}`)
  doc.text(
    `Status ${file.analysis.status} · created ${fmt.day(file.analysis.createdAt.toISOString())} · amounts and dates in ${fmt.locale}`,
  )
  if (file.analysis.error) {
    paragraph(doc, `The analysis could not be computed: ${file.analysis.error.code}`, BAD)
  }

  heading(doc, 'Scores')
  doc.font('bold').fontSize(12).fillColor(INK).text(`Credit score: ${view.creditScore}`)
  doc.font('body').fontSize(9.5)
  for (const row of view.indicators) paragraph(doc, `${row.cells[0]}: ${row.cells[1]}`, MUTED)
  paragraph(doc, 'Reasons:')
  reasons(doc, view.creditReasons)
  doc.moveDown(0.4)
  doc.font('bold').fontSize(12).fillColor(INK).text(`Payment score: ${view.paymentScore}`)
  paragraph(doc, 'Reasons:')
  reasons(doc, view.paymentReasons)

  if (file.changes) {
    const c = file.changes
    heading(doc, 'What changed since the previous analysis')
    paragraph(doc, `Compared with analysis ${c.previousAnalysisId}.`)
    table(
      doc,
      [
        { title: 'Figure', width: 0.5 },
        { title: 'Before', width: 0.25, right: true },
        { title: 'After', width: 0.25, right: true },
      ],
      [
        ['Credit score', String(c.creditScore.before ?? '—'), String(c.creditScore.after ?? '—')],
        [
          'Payment score',
          String(c.paymentScore.before ?? '—'),
          String(c.paymentScore.after ?? '—'),
        ],
        ...c.incomeCategories.map((row) => [
          `Income: ${fmt.category(row.name)}`,
          fmt.money(row.before),
          fmt.money(row.after),
        ]),
      ],
    )
    paragraph(doc, `${c.transactions.length} transactions changed category.`)
  }

  heading(doc, 'Income')
  for (const line of view.income.summary) paragraph(doc, line)
  paragraph(doc, `Employers: ${view.income.employers.join(', ') || 'none found'}`)
  if (view.income.streams.length > 0) {
    table(
      doc,
      [
        { title: 'Payer', width: 0.4 },
        { title: 'Category', width: 0.25 },
        { title: 'Periodicity', width: 0.15 },
        { title: 'A month', width: 0.2, right: true },
      ],
      view.income.streams.map((row) => row.cells),
    )
  }

  heading(doc, 'Housing')
  for (const line of view.housing) paragraph(doc, line)

  heading(doc, 'Credits by lender and contract')
  if (view.credits.length === 0) paragraph(doc, 'No credit repayment found.')
  else
    table(
      doc,
      [
        { title: 'Lender', width: 0.2 },
        { title: 'Contract', width: 0.3 },
        { title: 'Kind', width: 0.2 },
        { title: 'A month', width: 0.15, right: true },
        { title: 'Total repaid', width: 0.15, right: true },
      ],
      view.credits.map((row) => row.cells),
    )

  heading(doc, 'Incidents and risks')
  table(
    doc,
    [
      { title: 'Risk', width: 0.3 },
      { title: 'Count', width: 0.1, right: true },
      { title: 'Amount', width: 0.2, right: true },
      { title: 'Details', width: 0.4 },
    ],
    view.risks.map((row) => row.cells),
  )

  heading(doc, 'Daily balances')
  file.accounts.forEach((entry, i) => {
    const account = view.accounts[i]
    if (!account) return
    ensureRoom(doc, 220)
    doc.font('bold').fontSize(10).fillColor(INK).text(account.title, MARGIN)
    if (account.chart) {
      chart(doc, account.chart, (n) => fmt.money(n, entry.account.currency), fmt.shortDay)
    }
    paragraph(doc, account.summary, MUTED)
  })
  paragraph(
    doc,
    'Blue: balance. Dashed red: the overdraft line (zero). Red dots: incidents.',
    MUTED,
  )

  heading(doc, 'Expenses by category')
  table(
    doc,
    [
      { title: 'Category', width: 0.5 },
      { title: 'Total', width: 0.25, right: true },
      { title: 'A month', width: 0.25, right: true },
    ],
    view.expenses.map((row) => row.cells),
  )

  heading(doc, 'Transactions')
  const shown = file.transactions.slice(0, MAX_TRANSACTIONS)
  table(
    doc,
    [
      { title: 'Date', width: 0.11 },
      { title: 'Description', width: 0.33 },
      { title: 'Amount', width: 0.12, right: true },
      { title: 'Category', width: 0.15 },
      { title: 'Counterparty', width: 0.13 },
      { title: 'Rule', width: 0.16 },
    ],
    shown.map((tx) => [
      fmt.day(tx.dates.debitedAt ?? tx.dates.bookedAt),
      tx.description,
      fmt.money(tx.amount, tx.currency),
      fmt.category(tx.enrichments.category),
      tx.enrichments.counterparty ?? '',
      tx.enrichments.ruleId,
    ]),
  )
  if (file.transactions.length > shown.length) {
    paragraph(
      doc,
      `${file.transactions.length - shown.length} more transactions not listed.`,
      MUTED,
    )
  }

  heading(doc, 'Project rules this analysis ran with')
  if (!file.rules || file.rules.length === 0) paragraph(doc, 'None: the built-in rules only.')
  for (const rule of file.rules ?? []) {
    paragraph(
      doc,
      `PROJECT_RULE:${rule.id}: ${rule.labelRoot !== undefined ? `payee ${rule.labelRoot}` : `description containing ${rule.pattern ?? ''}`} → ${fmt.category(rule.category)}`,
    )
  }
}

/** Renders the decision file of an analysis to PDF bytes. */
export const decisionFilePdf = (file: DecisionFile): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: {
        Title: `Decision file ${file.analysis.id}`,
        Creator: 'creditlens',
        // A fixed date: the same analysis gives the same document.
        CreationDate: file.analysis.updatedAt,
      },
    })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.registerFont('body', FONT)
    doc.registerFont('bold', FONT_BOLD)
    doc.font('body')
    write(doc, file, analysisView(file))
    const range = doc.bufferedPageRange()
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i)
      // Writing below the bottom margin would start a new page: the footer lives in the margin.
      doc.page.margins.bottom = 0
      doc
        .font('body')
        .fontSize(8)
        .fillColor(MUTED)
        .text(
          `creditlens decision file · ${file.customer.customIdentifier} · page ${i + 1} of ${range.count}`,
          MARGIN,
          doc.page.height - MARGIN - 6,
          { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
        )
    }
    doc.end()
  })
