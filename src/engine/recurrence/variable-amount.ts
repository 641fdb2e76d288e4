import { groupBySamePayee } from './grouping.ts'
import type { RecurrenceDetector } from './types.ts'

const ID = 'VARIABLE_AMOUNT'

/**
 * What the fixed-amount detector left: the same payee and category at least twice with amounts
 * that vary (utilities, groceries, a revolving card's statements). Regularity then tells a
 * monthly energy bill (high accuracy) from occasional shopping (periodicity OTHER).
 * Known misses: a payee whose wording changes every time never groups.
 */
export const variableAmount: RecurrenceDetector = {
  id: ID,
  detect: (candidates) =>
    groupBySamePayee(candidates, () => true)
      .filter((group) => group.length >= 2)
      .map((entries) => ({ detectorId: ID, entries })),
}
