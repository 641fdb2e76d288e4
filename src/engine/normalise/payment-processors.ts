/**
 * Step 3: card-terminal and payment-processor prefixes (`SUMUP *BOULANGERIE DUPONT`,
 * `SQ *JOES DINER`, `IZ *THE COFFEE HOUSE`, `PP*1234CODE`, `TST* PIZZA NAPOLI`) become one
 * word of their own, spelled one way whatever the abbreviation (`SQ` → `SQUAREUP`, `IZ` →
 * `IZETTLE`, `PP` → `PAYPAL`, `SUM UP` → `SUMUP`), so the merchant's name that
 * follows stands alone for the dictionaries and the counterparty. The processor word is kept,
 * not removed: it says the payment went through a card terminal or a wallet, and PayPal's own
 * products (`PAYPAL *PAY IN 4`) must still read as PayPal.
 *
 * Abbreviations are only read as processors right before a `*` (`SQ *`, `PP*`): without the
 * star, `SQ` or `PP` is anything. Runs before the card-number step, which would otherwise take
 * `*1234` in `PP*1234CODE` for a masked card number.
 */

/** Each processor's one spelling after this step; counterparty extraction skips these words. */
export const PAYMENT_PROCESSORS: ReadonlySet<string> = new Set([
  'SUMUP',
  'ZETTLE',
  'IZETTLE',
  // Square prints `SQ *`: spelled as its domain, since SQUARE alone is an ordinary word
  // (`TRAFALGAR SQUARE`, `SQUARE HABITAT`) the dictionaries cannot type as a card payment.
  'SQUAREUP',
  'CCV',
  'PAYPAL',
  // Shopify Payments and Toast print `SP *` and `TST*`: kept as they are, since SHOPIFY is
  // also a merchant of the dictionaries (its own subscription), TOAST a word.
  'SP',
  'TST',
  'STRIPE',
  'MOLLIE',
  'ADYEN',
  'BUCKAROO',
  'PAYCONIQ',
  'WORLDLINE',
  'NAYAX',
  'MYPOS',
  'VIVA',
])

/** How processors print themselves before a `*`, and the one spelling each becomes. */
const BEFORE_STAR: Readonly<Record<string, string>> = {
  'SUM UP': 'SUMUP',
  SUMUP: 'SUMUP',
  ZETTLE: 'ZETTLE',
  IZETTLE: 'IZETTLE',
  IZ: 'IZETTLE',
  SQUARE: 'SQUAREUP',
  SQ: 'SQUAREUP',
  CCV: 'CCV',
  PAYPAL: 'PAYPAL',
  PP: 'PAYPAL',
  STRIPE: 'STRIPE',
  MOLLIE: 'MOLLIE',
  ADYEN: 'ADYEN',
  MYPOS: 'MYPOS',
  NAYAX: 'NAYAX',
  VIVA: 'VIVA',
}

// `SUMUP *X`, `SUMUP*X`, `ZETTLE_*X`, `PP*1234`: the prefix starts a word and ends at the star.
const STARRED = new RegExp(
  `(?<![A-Z0-9])(${Object.keys(BEFORE_STAR)
    .sort((a, b) => b.length - a.length)
    .join('|')})[ _]*\\*+ *`,
  'g',
)
// `SUM UP` without a star is still SumUp: two words that would not match the dictionary.
const SUM_UP = /\bSUM UP\b/g

// The cheap `includes` checks skip both passes on most descriptions (no star, no `SUM UP`).
export const splitPaymentProcessors = (text: string): string => {
  let out = text
  if (out.includes('*'))
    out = out.replace(STARRED, (_match, prefix: string) => `${BEFORE_STAR[prefix] ?? prefix} `)
  if (out.includes('SUM UP')) out = out.replace(SUM_UP, 'SUMUP')
  return out
}
