import type { Transaction } from './account.ts'
import type { Category, TransactionType } from './vocabulary.ts'

/** What the engine adds to each transaction, and the id of the rule that decided. */
export interface Enrichments {
  category: Category
  type: TransactionType
  isRejected: boolean
  /** Id of the transaction this one reverses or mirrors (rejection, internal transfer). */
  counterPartId: string | null
  /** Employer, lender, merchant or payer named in the description, normalised. */
  counterparty: string | null
  isInternationalTransfer: boolean
  /** Stable id of the rule that set the category (e.g. `SALARY_WORDING`). */
  ruleId: string
}

/** A transaction after normalisation, typing, categorisation and linking. */
export interface EnrichedTransaction extends Transaction {
  /** Normalised description root, stable across months for the same payee. */
  labelRoot: string
  enrichments: Enrichments
}
