/**
 * An employer that pays by plain transfer without saying "salary": the same company (a name
 * with a company form such as SAS, LTD, GMBH) credits a similar amount in at least two
 * different months. Knowingly wrong: a company paying regular rent or dividends looks the same.
 */
import { currencyExponent, monthOf } from '../model/index.ts'
import type { Draft } from './draft.ts'

export const RECURRING_EMPLOYER_RULE_ID = 'RECURRING_EMPLOYER_TRANSFER'

/** Why: one payment proves nothing regular. */
const MIN_MONTHS = 2
/** Why: pay varies with overtime, bonuses and absences; 35 % either side of the median. */
const AMOUNT_TOLERANCE = 0.35
/** Why: below this monthly amount (major units) a transfer is rarely a salary, even part-time. */
const MIN_MAJOR_AMOUNT = 300

export const applyRecurringEmployer = (drafts: readonly Draft[]): void => {
  const groups = new Map<string, Draft[]>()
  for (const draft of drafts) {
    if (draft.category !== 'OTHER_ENTRY' || draft.type !== 'INCOMING_TRANSFER') continue
    if (!draft.companyName || draft.labelRoot === '') continue
    const group = groups.get(draft.labelRoot)
    if (group) group.push(draft)
    else groups.set(draft.labelRoot, [draft])
  }
  for (const group of groups.values()) {
    if (new Set(group.map((d) => monthOf(d.transaction.date))).size < MIN_MONTHS) continue
    const amounts = group.map((d) => d.transaction.amount).sort((a, b) => a - b)
    const median = amounts[Math.floor(amounts.length / 2)] ?? 0
    const minimum = MIN_MAJOR_AMOUNT * 10 ** currencyExponent(group[0]?.transaction.currency ?? '')
    if (median < minimum) continue
    const regular = group.every(
      (d) => Math.abs(d.transaction.amount - median) <= median * AMOUNT_TOLERANCE,
    )
    if (!regular) continue
    for (const draft of group) {
      draft.category = 'WAGE'
      draft.ruleId = RECURRING_EMPLOYER_RULE_ID
    }
  }
}
