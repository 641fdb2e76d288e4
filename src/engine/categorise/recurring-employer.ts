/**
 * Pay without pay words, found across an account's history (LABELLING.md: "an employer's regular
 * transfer" is WAGE).
 *
 * RECURRING_EMPLOYER_TRANSFER: credits nothing else explained, from one organisation, of wage
 * size, in most months of their span and of similar amounts, are WAGE with that organisation as
 * employer. The organisation may or may not carry a company form (SAS, LTD, GMBH); a person's
 * name (payee-kind.ts), a benefit payer, lender, insurer, tax authority, landlord or investment
 * firm is never an employer. A credit already paired with the opposite debit on another of the
 * customer's accounts (links.ts, linkOwnTransfersBeforeIncome) is an own transfer, never pay.
 * GIG_PLATFORM_PAYOUT: repeated payouts from a gig platform (ride hailing, delivery, freelance
 * marketplaces) are WAGE with the platform as employer (LABELLING.md; ambiguous, it may be
 * self-employment).
 *
 * ONE_COMPANY_PAY_TRANSFER: a payer that credits the account once only, whose name carries a
 * company form (SAS, LTD, GMBH, SL, BV …), that no dictionary knows (not a merchant, lender,
 * insurer, payment provider …), with a wage-sized amount: one payment cannot show regularity, so
 * it reads as a labeller reads a lone line, as pay (LABELLING.md: "an employer's name and
 * payment"). A payer seen twice or more is judged by regularity above, never by this rule.
 *
 * Knowingly wrong: a one-off company payment of wage size that is not pay (a car sold to a
 * dealer, a deposit returned by an agency not in the dictionaries) counts as pay; a company paying regular rent, dividends or an occupational pension without
 * saying so looks like an employer; a person with a rare first name and no title who sends the
 * same sum every month reads as an employer (see payee-kind.ts); pay that varies by more than
 * 35 % from month to month (commission-only pay) is missed.
 */
import { currencyExponent } from '../model/index.ts'
import { orgsIn, LENDER_TAGS } from './dictionary-names.ts'
import type { OrgTag } from './tags.ts'
import type { Draft } from './draft.ts'
import { isPersonName, type HolderNames } from './payee-kind.ts'

export const RECURRING_EMPLOYER_RULE_ID = 'RECURRING_EMPLOYER_TRANSFER'
export const GIG_PLATFORM_RULE_ID = 'GIG_PLATFORM_PAYOUT'
export const ONE_COMPANY_PAY_RULE_ID = 'ONE_COMPANY_PAY_TRANSFER'

/** Why: one payment proves nothing regular. */
const MIN_MONTHS = 2
/**
 * Why: pay comes "roughly monthly": in at least 60 % of the months between the first and the
 * last payment (a missed month in five still counts; two payments six months apart do not).
 */
const MIN_MONTH_COVERAGE = 0.6
/** Why: weekly pay gives four or five payments a month; more is not pay but trading. */
const MAX_PAYMENTS_PER_MONTH = 5
/** Why: pay varies with overtime, bonuses and absences; 35 % either side of the median. */
const AMOUNT_TOLERANCE = 0.35
/**
 * Why: below this a month (major units) a transfer is rarely pay, even part-time (a French
 * half-time minimum wage is about 700, a UK 10-hour week about 450; 300 keeps student jobs).
 */
const MIN_MONTHLY_MAJOR = 300
/**
 * Why: a lone company credit below this (major units) is more often a refund, a sale or a
 * reimbursement than pay; above it, a part-time month's pay (see MIN_MONTHLY_MAJOR) or more.
 */
const MIN_ONE_PAY_MAJOR = 400
/** Why: a refund of a ride or a meal is a few units; payouts for a day's work are more. */
const MIN_GIG_PAYOUT_MAJOR = 20
/**
 * Why: a single bare credit may be a refund or a one-off; two say the holder works there (a
 * single payout by transfer is enough: refunds come back on the card).
 */
const MIN_GIG_PAYOUTS = 2

/** Organisations that pay money for reasons other than work: never an employer. */
const NOT_EMPLOYERS: ReadonlySet<OrgTag> = new Set<OrgTag>([
  ...LENDER_TAGS,
  'PAYER_FAMILY',
  'PAYER_HOUSING',
  'PAYER_UNEMPLOYMENT',
  'PAYER_HEALTH',
  'PAYER_PENSION',
  'PAYER_INCOME_SUPPORT',
  'PAYER_ALLOWANCE',
  'TAX_AUTHORITY',
  'DEBT_COLLECTOR',
  'BAILIFF',
  'LANDLORD',
  'INVESTMENT',
  'INSURER',
  'INSURER_HEALTH',
  'INSURER_AUTO',
  'INSURER_HOME',
  'GAMBLING',
])

/**
 * Gig platforms as their payouts name them → the platform's canonical name. Data: add a
 * platform here when its payouts are seen in a market.
 */
const GIG_PLATFORMS: ReadonlyMap<string, string> = new Map([
  ['UBER', 'UBER'],
  ['UBER BV', 'UBER'],
  ['UBER EATS', 'UBER EATS'],
  ['UBEREATS', 'UBER EATS'],
  ['DELIVEROO', 'DELIVEROO'],
  ['JUST EAT', 'JUST EAT'],
  ['JUSTEAT', 'JUST EAT'],
  ['TAKEAWAY COM', 'JUST EAT'],
  ['LIEFERANDO', 'JUST EAT'],
  ['THUISBEZORGD', 'JUST EAT'],
  ['GLOVO', 'GLOVO'],
  ['WOLT', 'WOLT'],
  ['BOLT', 'BOLT'],
  ['BOLT OPERATIONS', 'BOLT'],
  ['LYFT', 'LYFT'],
  ['STUART', 'STUART'],
  ['FREENOW', 'FREENOW'],
  ['FREE NOW', 'FREENOW'],
  ['CABIFY', 'CABIFY'],
  ['HEETCH', 'HEETCH'],
  ['AMAZON FLEX', 'AMAZON FLEX'],
  ['UPWORK', 'UPWORK'],
  ['FIVERR', 'FIVERR'],
  ['MALT', 'MALT'],
  ['TASKRABBIT', 'TASKRABBIT'],
  ['HELPLING', 'HELPLING'],
  ['STUDENTPOP', 'STUDENTPOP'],
  ['STAFFME', 'STAFFME'],
  ['TEMPER', 'TEMPER'],
])

/**
 * Words of money that is not pay, for a lone company credit: an invoice paid (the holder
 * trades), a deposit given back. Normalised (upper case, no accents).
 */
const NOT_PAY_WORDS: ReadonlySet<string> = new Set([
  'FACTURE',
  'FACTURES',
  'INVOICE',
  'INV',
  'RECHNUNG',
  'FACTUUR',
  'FACTURA',
  'CAUTION',
  'DEPOSIT',
  'KAUTION',
  'WAARBORG',
  'BORG',
  'FIANZA',
])

const isPlainCredit = (draft: Draft): boolean =>
  draft.category === 'OTHER_ENTRY' &&
  draft.ruleId === 'OTHER' &&
  draft.counterPartId === null &&
  !draft.internalWording &&
  (draft.account.type === 'CHECKING' || draft.account.type === 'UNKNOWN')

const gigPlatformOf = (words: readonly string[]): string | undefined => {
  for (let i = 0; i < words.length; i++) {
    const two = GIG_PLATFORMS.get(`${words[i] ?? ''} ${words[i + 1] ?? ''}`)
    if (two !== undefined) return two
    const one = GIG_PLATFORMS.get(words[i] ?? '')
    if (one !== undefined) return one
  }
  return undefined
}

const median = (sorted: readonly number[]): number => sorted[Math.floor(sorted.length / 2)] ?? 0

/** `year * 12 + month` of a draft's date, from its `YYYY-MM` prefix. */
const monthIndex = (draft: Draft): number =>
  Number(draft.transaction.date.slice(0, 4)) * 12 + Number(draft.transaction.date.slice(5, 7))

/** Whether a payer's credits come roughly monthly, of similar amounts, of wage size. */
const isRegularPay = (group: readonly Draft[]): boolean => {
  const perMonth = new Map<number, number>()
  for (const d of group) {
    const m = monthIndex(d)
    perMonth.set(m, (perMonth.get(m) ?? 0) + d.transaction.amount)
  }
  if (perMonth.size < MIN_MONTHS) return false
  if (group.length > perMonth.size * MAX_PAYMENTS_PER_MONTH) return false
  const months = [...perMonth.keys()].sort((a, b) => a - b)
  const span = (months[months.length - 1] ?? 0) - (months[0] ?? 0) + 1
  if (perMonth.size < span * MIN_MONTH_COVERAGE) return false
  const minimum =
    MIN_MONTHLY_MAJOR * 10 ** currencyExponent(group[0]?.transaction.currency ?? 'EUR')
  if (median([...perMonth.values()].sort((a, b) => a - b)) < minimum) return false
  const typical = median(group.map((d) => d.transaction.amount).sort((a, b) => a - b))
  return group.every((d) => Math.abs(d.transaction.amount - typical) <= typical * AMOUNT_TOLERANCE)
}

const asWage = (group: readonly Draft[], employer: string, ruleId: string): void => {
  for (const draft of group) {
    draft.category = 'WAGE'
    draft.ruleId = ruleId
    draft.counterparty = employer
  }
}

/**
 * Marks an account's regular pay from organisations and gig payouts as WAGE. Groups are made
 * and decided on sets, not sequences: the result does not depend on the input order.
 * @param drafts one account's transactions
 * @param holders the holders' names (person check); empty when the accounts name nobody
 */
export const applyRecurringEmployer = (drafts: readonly Draft[], holders: HolderNames): void => {
  const byPayer = new Map<string, Draft[]>()
  const byPlatform = new Map<string, Draft[]>()
  for (const draft of drafts) {
    if (draft.transaction.amount <= 0 || !isPlainCredit(draft)) continue
    const platform = gigPlatformOf(draft.words)
    if (platform !== undefined) {
      if (draft.type === 'CARD_REFUND') continue
      const list = byPlatform.get(platform)
      if (list) list.push(draft)
      else byPlatform.set(platform, [draft])
      continue
    }
    if (draft.type !== 'INCOMING_TRANSFER' && draft.type !== 'CREDIT') continue
    if (draft.counterparty === null) continue
    const list = byPayer.get(draft.counterparty)
    if (list) list.push(draft)
    else byPayer.set(draft.counterparty, [draft])
  }
  for (const [platform, group] of byPlatform) {
    const minimum =
      MIN_GIG_PAYOUT_MAJOR * 10 ** currencyExponent(group[0]?.transaction.currency ?? 'EUR')
    const typical = median(group.map((d) => d.transaction.amount).sort((a, b) => a - b))
    // One payout by transfer (FPS, VIR) is work paid; a lone bare credit may be a refund.
    const byTransfer = group.every((d) => d.type === 'INCOMING_TRANSFER')
    if ((group.length >= MIN_GIG_PAYOUTS || byTransfer) && typical >= minimum) {
      asWage(group, platform, GIG_PLATFORM_RULE_ID)
    }
  }
  for (const [payer, group] of byPayer) {
    if (group.length < MIN_MONTHS || !isRegularPay(group)) continue
    // Every wording of the payer must read as an organisation's that may employ.
    // Descriptions repeat: each distinct one is read once.
    const wordings = new Map<readonly string[], boolean>()
    for (const d of group) wordings.set(d.words, d.companyName || wordings.get(d.words) === true)
    const employs = [...wordings].every(([words, companyName]) => {
      if (orgsIn(words).some((org) => NOT_EMPLOYERS.has(org.tag))) return false
      // A company form names an organisation, even one named after the family.
      return companyName || !isPersonName(payer, words, holders)
    })
    if (employs) asWage(group, payer, RECURRING_EMPLOYER_RULE_ID)
  }
  for (const [payer, group] of byPayer) {
    const [only] = group
    if (group.length !== 1 || !only?.companyName) continue
    if (only.category !== 'OTHER_ENTRY') continue
    const minimum = MIN_ONE_PAY_MAJOR * 10 ** currencyExponent(only.transaction.currency)
    if (only.transaction.amount < minimum) continue
    if (only.words.some((word) => NOT_PAY_WORDS.has(word))) continue
    // A known organisation pays for reasons other than work (a lender, an insurer), or, by a
    // bare credit, gives money back (a merchant's refund); a merchant's transfer of wage size
    // is its staff's pay (large retailers are large employers).
    const orgs = orgsIn(only.words)
    if (orgs.some((org) => NOT_EMPLOYERS.has(org.tag))) continue
    if (orgs.length > 0 && only.type !== 'INCOMING_TRANSFER') continue
    asWage(group, payer, ONE_COMPANY_PAY_RULE_ID)
  }
}
