/**
 * Description normalisation: the steps below run in this order. Each step is one file, a pure
 * `string → string` function; add a step by writing its file and placing it in `STEPS`.
 */
import { upperCase } from './upper-case.ts'
import { stripAccents } from './strip-accents.ts'
import { splitPaymentProcessors } from './payment-processors.ts'
import { removeCardNumbers } from './remove-card-numbers.ts'
import { removeDates } from './remove-dates.ts'
import { removeSepaIds } from './remove-sepa-ids.ts'
import { removeAmounts } from './remove-amounts.ts'
import { tidyPunctuation } from './tidy-punctuation.ts'
import { removeReferences } from './remove-references.ts'
import { collapseSpaces } from './collapse-spaces.ts'
import { labelRootOf } from './label-root.ts'

export { MONTHS } from './label-root.ts'
export { PAYMENT_PROCESSORS } from './payment-processors.ts'
export { COUNTRY_CODES, CITIES, placeStart } from './places.ts'

export const STEPS: readonly ((text: string) => string)[] = [
  upperCase,
  stripAccents,
  splitPaymentProcessors,
  removeCardNumbers,
  removeDates,
  removeSepaIds,
  removeAmounts,
  tidyPunctuation,
  removeReferences,
  collapseSpaces,
]

export interface NormalisedDescription {
  /** Upper-case, no accents, no noise, words separated by one space. */
  normalised: string
  /** `normalised` without numbers, single letters and month names: one root per payee. */
  labelRoot: string
}

/**
 * @example
 * normaliseDescription('PRLV SEPA CREDIPAR Motif : 101M3323222 32 VOTRE IDEN')
 * // { normalised: 'PRLV SEPA CREDIPAR MOTIF 32 VOTRE IDEN', labelRoot: 'PRLV SEPA CREDIPAR MOTIF VOTRE IDEN' }
 */
export const normaliseDescription = (description: string): NormalisedDescription => {
  const normalised = normaliseText(description)
  return { normalised, labelRoot: labelRootOf(normalised) }
}

/** `normaliseDescription(description).normalised` alone, for callers that cache the root. */
export const normaliseText = (description: string): string => {
  let text = description
  for (const step of STEPS) text = step(text)
  return text
}

export { labelRootOf }
