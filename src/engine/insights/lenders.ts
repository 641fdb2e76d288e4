/**
 * One name per lender across its products and wordings: a bank, its consumer-credit arm and its
 * branded card are one lender for a credit officer counting "how many lenders". Data only; the
 * first alias found (as whole words) in the counterparty or the label root wins.
 */
const LENDERS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: 'ADVANZIA BANK', aliases: ['ADVANZIA', 'CARTE ZERO'] },
  { name: 'SOGEFINANCE', aliases: ['SOGEFINANCE', 'SOGEFINANC', 'SOGEFINANCEMENT', 'EXPRESSO'] },
  { name: 'CREDIPAR', aliases: ['CREDIPAR', 'PSA BANQUE', 'STELLANTIS FINANCE'] },
  { name: 'COFIDIS', aliases: ['COFIDIS'] },
  { name: 'ONEY', aliases: ['ONEY', 'ONEY BANK'] },
  { name: 'CETELEM', aliases: ['CETELEM', 'BNP PARIBAS PERSONAL FINANCE'] },
  {
    name: 'SOFINCO',
    aliases: ['SOFINCO', 'CA CONSUMER FINANCE', 'CREDIT AGRICOLE CONSUMER FINANCE'],
  },
  { name: 'FRANFINANCE', aliases: ['FRANFINANCE'] },
  { name: 'FLOA', aliases: ['FLOA', 'BANQUE CASINO'] },
  { name: 'YOUNITED', aliases: ['YOUNITED'] },
  { name: 'KLARNA', aliases: ['KLARNA'] },
  { name: 'ALMA', aliases: ['ALMA'] },
  { name: 'PAYPAL', aliases: ['PAYPAL'] },
  { name: 'SCALAPAY', aliases: ['SCALAPAY'] },
  { name: 'CLEARPAY', aliases: ['CLEARPAY', 'AFTERPAY'] },
  { name: 'ZOPA', aliases: ['ZOPA'] },
  { name: 'BARCLAYCARD', aliases: ['BARCLAYCARD', 'BARCLAYS PARTNER FINANCE'] },
  { name: 'CAPITAL ONE', aliases: ['CAPITAL ONE'] },
  { name: 'VANQUIS', aliases: ['VANQUIS'] },
  { name: 'SANTANDER CONSUMER', aliases: ['SANTANDER CONSUMER', 'SANTANDER CONSUMER FINANCE'] },
  { name: 'AUXMONEY', aliases: ['AUXMONEY'] },
  { name: 'TARGOBANK', aliases: ['TARGOBANK'] },
  { name: 'IN3', aliases: ['IN3'] },
  { name: 'DEFAM', aliases: ['DEFAM'] },
  { name: 'BUY WAY', aliases: ['BUY WAY', 'BUYWAY'] },
]

const containsWords = (text: string, words: string): boolean => {
  const at = text.indexOf(words)
  if (at < 0) return false
  const before = at === 0 ? ' ' : text[at - 1]
  const after = text[at + words.length] ?? ' '
  return !/[A-Z0-9]/.test(before ?? ' ') && !/[A-Z0-9]/.test(after)
}

/** Whether any alias appears as whole words in either text (plain loops: no closures). */
const mentions = (aliases: readonly string[], first: string, second: string): boolean => {
  for (const alias of aliases) {
    if (containsWords(first, alias) || containsWords(second, alias)) return true
  }
  return false
}

/**
 * The lender's normalised name: a known lender from the counterparty or the label root, else
 * the counterparty as the categoriser found it, else `fallback` (the account's bank, which is
 * who lends when a debit names nobody, e.g. "PRET IMMOBILIER ECH").
 * @example lenderName('CARTE ZERO', 'PRELEVEMENT CARTE ZERO', 'MY BANK') // 'ADVANZIA BANK'
 */
export const lenderName = (
  counterparty: string | null,
  labelRoot: string,
  fallback: string,
): string => {
  const first = (counterparty ?? '').toUpperCase()
  const second = labelRoot.toUpperCase()
  for (const lender of LENDERS) if (mentions(lender.aliases, first, second)) return lender.name
  const named = counterparty?.trim().toUpperCase()
  return named !== undefined && named !== '' ? named : fallback
}
