/**
 * Stored model → wire shapes of the analyses API (amounts in major units, ISO date-times).
 */
import {
  toMajor,
  type Account,
  type LoanDetails,
  type SavingsDetails,
} from '../engine/model/index.ts'
import type { Analysis, JsonObject } from './ports.ts'

const major = (value: number | undefined | null, currency: string): number | undefined =>
  value == null ? undefined : toMajor(value, currency)

const loanToWire = (loan: LoanDetails, currency: string): JsonObject => ({
  ...loan,
  amount: major(loan.amount, currency),
  payment: major(loan.payment, currency),
  remainingCapital: major(loan.remainingCapital, currency),
})

const savingsToWire = (savings: SavingsDetails, currency: string): JsonObject => ({
  ...savings,
  maximumAmount: major(savings.maximumAmount, currency),
})

/** An account as `GET …/accounts` serves it (without its transactions). */
export const accountToWire = (account: Account, createdAt: Date, updatedAt: Date): JsonObject => {
  const { details } = account
  const wire: JsonObject = {
    ...account,
    transactions: undefined,
    details: undefined,
    balance: account.balance === null ? null : toMajor(account.balance, account.currency),
    coming: major(account.coming, account.currency),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }
  if (details) {
    wire.details = {
      ...(details.loan && { loan: loanToWire(details.loan, account.currency) }),
      ...(details.savings && { savings: savingsToWire(details.savings, account.currency) }),
    }
  }
  // Drop undefined keys so JSON has no holes.
  return JSON.parse(JSON.stringify(wire)) as JsonObject // JSON round trip returns a plain object
}

export interface WireAnalysis {
  id: string
  format: string
  parameters: Analysis['parameters']
  status: Analysis['status']
  source: string
  dataOrigin: string
  createdAt: string
  updatedAt: string
  metadata?: unknown
  creditInsights?: unknown
  scores?: unknown
  error?: { code: string; message: string }
}

/** An analysis as `GET /analyses/{id}` serves it; results appear once computed. */
export const analysisToWire = (analysis: Analysis): WireAnalysis => ({
  id: analysis.id,
  format: analysis.format,
  parameters: analysis.parameters,
  status: analysis.status,
  source: analysis.source,
  dataOrigin: analysis.dataOrigin,
  createdAt: analysis.createdAt.toISOString(),
  updatedAt: analysis.updatedAt.toISOString(),
  ...(analysis.metadata && { metadata: analysis.metadata }),
  ...(analysis.creditInsights && { creditInsights: analysis.creditInsights }),
  ...(analysis.scores && { scores: analysis.scores }),
  ...(analysis.error && { error: analysis.error }),
})
