/**
 * The LOAN section of `creditlens analyze --loan-amount … --loan-duration …`: the requested
 * credit's affordability, its 0–100 score, the decision of the default policy and the reasons.
 */
import type { ScoringResult } from '../app/scoring/ports.ts'
import { REASON_CODES, type ReasonCode } from '../engine/scoring/index.ts'
import { toMajor } from '../engine/model/index.ts'

const WIDTH = 100

const money = (minor: number, currency: string): string =>
  `${toMajor(minor, currency).toLocaleString('en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })} ${currency}`

const percent = (ratio: number | null): string =>
  ratio === null ? '-' : `${(ratio * 100).toFixed(1)} %`

const describe = (code: string): string =>
  code in REASON_CODES ? REASON_CODES[code as ReasonCode].description : '' // guarded by `in`

export const renderAffordability = (
  result: ScoringResult,
  request: { amount: number; upfront: number; duration: number },
): string => {
  const a = result.affordability
  const c = a.currency
  const title = 'LOAN'
  const lines = [
    `\n${title} ${'─'.repeat(WIDTH - title.length - 1)}\n`,
    `  Requested ${money(request.amount, c)}, upfront ${money(request.upfront, c)}, ` +
      `${request.duration} months at ${a.annualRatePercent} %: instalment ${money(a.instalment, c)} a month\n`,
    `  Score ${a.score}/100   decision ${result.decision.decision}` +
      (result.decision.firedRules.length > 0
        ? ` (${result.decision.firedRules.map((r) => r.id).join(', ')})`
        : '') +
      '\n',
    `  Income ${money(a.monthlyIncome, c)} − recurring ${money(a.monthlyRecurringExpenses, c)}` +
      ` − credits ${money(a.monthlyCreditRepayments, c)} − housing ${money(a.monthlyHousing, c)}\n`,
    `  Residual income ${money(a.residualIncome, c)}, after the instalment ${money(a.residualAfterInstalment, c)}\n`,
    `  Debt-to-income ${percent(a.debtToIncomeBefore)} → ${percent(a.debtToIncomeAfter)}\n`,
  ]
  const r = a.replay
  lines.push(
    r === null
      ? '  Balance replay: no checking balances\n'
      : `  Balance replay ${r.from} → ${r.to}, instalment debited on day ${r.debitDay}:\n` +
          `    ${r.shortfallDays} shortfall day(s), ${r.daysBelowZero} day(s) below zero ` +
          `(${r.daysBelowZeroBefore} before), deepest ${money(r.deepestBalance, c)}\n`,
  )
  lines.push('  Reasons:\n')
  for (const reason of a.reasons) {
    const impact = reason.impact > 0 ? `+${reason.impact}` : String(reason.impact)
    lines.push(`    ${impact.padStart(6)}  ${reason.code.padEnd(28)} ${describe(reason.code)}\n`)
  }
  return lines.join('')
}
