/**
 * Lender groups: brands, arms and wordings that are one lender for a credit officer counting
 * "how many lenders" (a bank, its consumer-credit arm, its branded card). Data only.
 *
 * The dictionaries (categorise/dictionaries) are the one home of lender names: a lender known
 * under a single name is there and not here. This table only says which of those names (or a
 * bank's truncation of them) belong together, and under which name. The test beside
 * lenders.ts checks that no group merely repeats a dictionary entry.
 */
export interface LenderGroup {
  /** The name reported in the loans insight. */
  readonly name: string
  /** Other names of the same lender, normalised (upper-case, single spaces), as whole words. */
  readonly aliases: readonly string[]
}

export const LENDER_GROUPS: readonly LenderGroup[] = [
  { name: 'ADVANZIA BANK', aliases: ['ADVANZIA', 'CARTE ZERO'] },
  { name: 'SOGEFINANCE', aliases: ['SOGEFINANC', 'SOGEFINANCEMENT', 'EXPRESSO'] },
  {
    name: 'CREDIPAR',
    aliases: ['PSA BANQUE', 'STELLANTIS FINANCE', 'STELLANTIS FINANCIAL SERVICES'],
  },
  { name: 'ONEY', aliases: ['ONEY BANK'] },
  { name: 'CETELEM', aliases: ['BNP PARIBAS PERSONAL FINANCE'] },
  { name: 'SOFINCO', aliases: ['CA CONSUMER FINANCE', 'CREDIT AGRICOLE CONSUMER FINANCE'] },
  { name: 'FLOA', aliases: ['FLOA BANK', 'BANQUE CASINO'] },
  { name: 'YOUNITED', aliases: ['YOUNITED CREDIT', 'YOUNITED PAY', 'YOUNITED NL'] },
  { name: 'CLEARPAY', aliases: ['AFTERPAY'] },
  // The German dictionary names Klarna's instalment product as its own entry.
  { name: 'KLARNA', aliases: ['KLARNA RATENKAUF'] },
  // PayPal's own payments are not credit; its pay-in-3 and credit line are one lender.
  { name: 'PAYPAL', aliases: ['PAYPAL CREDIT'] },
  { name: 'BARCLAYCARD', aliases: ['BARCLAYS PARTNER FINANCE'] },
  { name: 'ZOPA', aliases: ['ZOPA BANK'] },
  { name: 'VANQUIS', aliases: ['VANQUIS BANK'] },
  { name: 'CAPITAL ONE', aliases: ['CAPITAL ONE UK'] },
  { name: 'FERRATUM', aliases: ['FERRATUM BANK'] },
  {
    name: 'SANTANDER CONSUMER',
    aliases: [
      'SANTANDER CONSUMER FINANCE',
      'SANTANDER CONSUMER BANK',
      'SANTANDER CONSUMER UK',
      'SANTANDER CONSUMER ESPANA',
    ],
  },
  { name: 'BUY WAY', aliases: ['BUYWAY'] },
]
