import type { LocalDate } from './dates.ts'
import type { Category } from './vocabulary.ts'

/**
 * Everything the engine may depend on besides the data: no clock, no environment.
 * Replaying the same accounts with the same context gives the same output.
 */
export interface EngineContext {
  /** The analysis date; default: the latest balanceDate / transaction date in the data. */
  asOf?: LocalDate
  /** Currencies the project accepts; default EUR and GBP. */
  supportedCurrencies?: readonly string[]
  /** Locale hints such as `fr`, `en`, `es`, `nl`, `de` (the engine detects languages anyway). */
  locales?: readonly string[]
  parameters?: { disableScores?: boolean; disableCreditInsights?: boolean }
  /**
   * The project's own categorisation rules, tried in this order before the built-in ones (see
   * `engine/project-rules.ts`); an analysis stores the set it ran with so that a replay is exact.
   */
  projectRules?: readonly {
    readonly id: string
    readonly category: Category
    readonly labelRoot?: string
    readonly pattern?: string
  }[]
}
