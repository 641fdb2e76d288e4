import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, AccountType, EnrichedTransaction, Transaction } from '../model/index.ts'
import { enrichAccounts } from './index.ts'

let counter = 0
const tx = (accountId: string, date: string, amount: number, description: string): Transaction => ({
  id: `${accountId}e${counter++}`,
  accountId,
  description,
  amount: Math.round(amount * 100),
  currency: accountId.startsWith('uk') ? 'GBP' : 'EUR',
  date,
  dates: { debitedAt: `${date}T00:00:00.000Z` },
  isComing: false,
})

const account = (
  id: string,
  transactions: Transaction[],
  owner: string | null = 'MME SOPHIE LEBLANC',
  type: AccountType = 'CHECKING',
): Account => ({
  id,
  type,
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: id.startsWith('uk') ? 'GBP' : 'EUR',
  balance: 0,
  balanceDate: '2026-04-30T00:00:00.000Z',
  owners: owner === null ? [] : [{ name: owner }],
  transactions,
})

/** The same description credited on the 27th of each month, with a few cents of difference. */
const monthly = (
  accountId: string,
  description: string,
  amount: number,
  months = ['2026-01', '2026-02', '2026-03'],
): Transaction[] => months.map((m, i) => tx(accountId, `${m}-27`, amount + i * 7.31, description))

const enrichedOf = (accounts: Account[]): EnrichedTransaction[] => enrichAccounts(accounts).flat()

const only = (
  list: EnrichedTransaction[],
  description: string,
): EnrichedTransaction['enrichments'][] =>
  list.filter((t) => t.description === description).map((t) => t.enrichments)

/** [market, description, employer] of pay without pay words and without a company form. */
const EMPLOYERS: readonly [string, string, string][] = [
  ['FR', 'VIR SEPA RECU /DE TRANSPORTS GIRAUD /MOTIF VIREMENT MENSUEL', 'TRANSPORTS GIRAUD'],
  ['UK', 'FPI HARTLEY ENGINEERING REF 0426', 'HARTLEY ENGINEERING'],
  ['ES', 'TRANSFERENCIA DE CONSTRUCCIONES PEREZ HERMANOS', 'CONSTRUCCIONES PEREZ HERMANOS'],
  ['NL', 'SEPA OVERBOEKING VAN ZORGGROEP HET BAKEN', 'ZORGGROEP HET BAKEN'],
  ['BE', 'VIREMENT EUROPEEN DE ATELIERS LAMBERMONT', 'ATELIERS LAMBERMONT'],
  ['DE', 'GUTSCHRIFT UEBERWEISUNG MUELLER LOGISTIK', 'MUELLER LOGISTIK'],
]

for (const [market, description, employer] of EMPLOYERS) {
  test(`a regular wage-size credit from one organisation is WAGE with its employer (${market})`, () => {
    const id = market === 'UK' ? 'uk0' : 'a0'
    const out = only(enrichedOf([account(id, monthly(id, description, 1850))]), description)
    assert.equal(out.length, 3)
    for (const e of out) {
      assert.equal(e.category, 'WAGE', description)
      assert.equal(e.counterparty, employer)
      assert.equal(e.ruleId, 'RECURRING_EMPLOYER_TRANSFER')
    }
  })
}

test('a company form is enough even when the company bears a family name', () => {
  const description = 'VIR SEPA RECU /DE SARL LEBLANC ET FILS'
  const out = only(enrichedOf([account('a0', monthly('a0', description, 1500))]), description)
  assert.ok(out.every((e) => e.category === 'WAGE'))
})

/** Regular transfers from people: never an employer. */
const PEOPLE: readonly [string, string, string | null][] = [
  ['title', 'VIR SEPA RECU /DE M PIERRE LEROY', 'MME SOPHIE LEBLANC'],
  ['title, NL', 'SEPA OVERBOEKING VAN DHR P BAKKER', null],
  ['title, DE', 'GUTSCHRIFT UEBERWEISUNG HERRN KLEINSCHMIDT', null],
  ['first name, UK', 'FASTER PAYMENT FROM JAMES WILSON', null],
  ['first name, ES', 'TRANSFERENCIA DE JUAN GARCIA LOPEZ', null],
  ['initial, UK', 'FPI R PATEL REF RENT SHARE', null],
  ['relative with the family name', 'VIREMENT RECU DE LOUISON LEBLANC', 'MME SOPHIE LEBLANC'],
  ['family, UK', 'FASTER PAYMENT FROM MUM AND DAD', null],
  ['family, NL', 'SEPA OVERBOEKING OUDERS DE VRIES', null],
  ['family, DE', 'GUTSCHRIFT ELTERN SCHMIDT TASCHENGELD', null],
  ['the holder, other bank', 'VIR SEPA RECU /DE SOPHIE LEBLANC', 'MME SOPHIE LEBLANC'],
]

for (const [why, description, owner] of PEOPLE) {
  test(`regular transfers from a person stay OTHER_ENTRY (${why})`, () => {
    const id = why.includes('UK') ? 'uk0' : 'a0'
    const out = only(enrichedOf([account(id, monthly(id, description, 600), owner)]), description)
    assert.equal(out.length, 3)
    for (const e of out) assert.notEqual(e.category, 'WAGE', description)
  })
}

test('irregular, small or varying credits from a company are not pay', () => {
  const sparse = 'VIR SEPA RECU /DE LOCATIONS MARINE'
  const small = 'SEPA OVERBOEKING VAN MARKTPLAATS'
  const varying = 'TRANSFERENCIA DE DISTRIBUCIONES LEVANTE'
  const transactions = [
    ...monthly('a0', sparse, 900, ['2025-09', '2026-03']),
    ...monthly('a0', small, 120),
    tx('a0', '2026-01-10', 400, varying),
    tx('a0', '2026-02-10', 1600, varying),
    tx('a0', '2026-03-10', 900, varying),
  ]
  const out = enrichedOf([account('a0', transactions)])
  for (const description of [sparse, small, varying]) {
    for (const e of only(out, description)) assert.equal(e.category, 'OTHER_ENTRY', description)
  }
})

test('weekly payouts from a gig platform are WAGE with the platform as employer', () => {
  const weeks = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']
  const uber = weeks.map((d, i) => tx('uk0', d, 212.4 + i, 'UBER BV PAYOUT'))
  const deliveroo = weeks.map((d, i) =>
    tx('a0', d, 164 + i, 'VIR SEPA RECU /DE DELIVEROO FRANCE /MOTIF PAIEMENT HEBDO'),
  )
  const refund = tx('a0', '2026-03-05', 12.9, 'VIR SEPA RECU /DE UBER BV /MOTIF REMBOURSEMENT')
  const out = enrichedOf([account('uk0', uber, null), account('a0', [...deliveroo, refund])])
  for (const e of only(out, 'UBER BV PAYOUT')) {
    assert.equal(e.category, 'WAGE')
    assert.equal(e.counterparty, 'UBER')
    assert.equal(e.ruleId, 'GIG_PLATFORM_PAYOUT')
  }
  const fr = only(out, 'VIR SEPA RECU /DE DELIVEROO FRANCE /MOTIF PAIEMENT HEBDO')
  assert.ok(fr.every((e) => e.category === 'WAGE' && e.counterparty === 'DELIVEROO'))
  assert.notEqual(only(out, refund.description)[0]?.category, 'WAGE')
})

/** [market, description of a lone credit, its amount, expected category] */
const LONE_CREDITS: readonly [string, string, number, string][] = [
  ['UK', 'BGC HALLWORTH PRECISION LTD', 1744.1, 'WAGE'],
  ['DE', 'GUTSCHRIFT BRANDT KUEHLTECHNIK GMBH', 2210.75, 'WAGE'],
  ['ES', 'TRANSFERENCIA RECIBIDA MONTAJES ILERDA SL', 1310, 'WAGE'],
  ['NL', 'SEPA OVERBOEKING VAN VERHOEVEN DAKWERKEN BV', 2020.4, 'WAGE'],
  ['FR', 'VIR SEPA RECU /DE SARL CHARPENTES DU MORVAN', 1530.2, 'WAGE'],
  // Below pay size: a refund or a sale, not pay.
  ['FR', 'VIR SEPA RECU /DE SAS ATELIER CORDIER', 85, 'OTHER_ENTRY'],
  // A payment intermediary's company form names no employer.
  ['FR', 'PAYPAL EUROPE S A R L ET CIE S C A', 650, 'OTHER_ENTRY'],
  // An invoice paid or a deposit given back is not pay.
  ['DE', 'GUTSCHRIFT HOLZBAU KRAEMER GMBH RECHNUNG 2026-114', 1200, 'OTHER_ENTRY'],
  ['UK', 'BGC KEYSTONE LETTINGS LTD DEPOSIT RETURN', 950, 'OTHER_ENTRY'],
  // No company form: a person or an unknown payer.
  ['UK', 'FPI GRAHAM WYATT REF HOLIDAY SHARE', 900, 'OTHER_ENTRY'],
]

for (const [market, description, amount, category] of LONE_CREDITS) {
  test(`a lone credit from an unknown company reads by its size (${market}, ${amount})`, () => {
    const id = market === 'UK' ? 'uk0' : 'a0'
    const [e] = only(
      enrichedOf([account(id, [tx(id, '2026-03-27', amount, description)])]),
      description,
    )
    assert.equal(e?.category, category, description)
    if (category === 'WAGE') assert.equal(e?.ruleId, 'ONE_COMPANY_PAY_TRANSFER')
  })
}

test('a company seen twice is judged by regularity, never as a lone payment', () => {
  const description = 'VIR SEPA RECU /DE SAS GARAGE DU PONT'
  const transactions = [
    tx('a0', '2025-06-03', 2400, description),
    tx('a0', '2026-02-11', 650, description),
  ]
  const out = only(enrichedOf([account('a0', transactions)]), description)
  assert.deepEqual(
    out.map((e) => e.category),
    ['OTHER_ENTRY', 'OTHER_ENTRY'],
  )
})

test('one gig payout by transfer is pay; one bare credit from the platform is not', () => {
  const payout = tx('uk0', '2026-03-09', 96.4, 'FPI BOLT OPERATIONS OU 77X1')
  const bare = tx('a0', '2026-03-09', 31.5, 'WOLT ENTERPRISES')
  const out = enrichedOf([account('uk0', [payout], null), account('a0', [bare])])
  assert.equal(only(out, payout.description)[0]?.category, 'WAGE')
  assert.equal(only(out, bare.description)[0]?.category, 'OTHER_ENTRY')
})

test('finds pay on the second account of a customer, and never on a card account', () => {
  const description = 'SEPA OVERBOEKING VAN ZORGGROEP ALMERE'
  const out = enrichedOf([
    account('a0', [tx('a0', '2026-01-03', -20, 'BEA ALBERT HEIJN 1234')]),
    account('a1', monthly('a1', description, 2100)),
    account('c0', monthly('c0', 'SEPA OVERBOEKING VAN ROODKAPJE BV', 400), null, 'CREDIT_CARD'),
  ])
  assert.ok(only(out, description).every((e) => e.category === 'WAGE'))
  assert.ok(
    only(out, 'SEPA OVERBOEKING VAN ROODKAPJE BV').every((e) => e.category !== 'WAGE'),
    'a card account receives repayments, not pay',
  )
})

test('pay that names the holder stays income, never an own transfer', () => {
  const description = 'VIR SEPA RECU /DE TRANSPORTS GIRAUD /REF SOPHIE LEBLANC'
  const out = only(enrichedOf([account('a0', monthly('a0', description, 1700))]), description)
  for (const e of out) {
    assert.equal(e.category, 'WAGE')
    assert.equal(e.type, 'INCOMING_TRANSFER')
  }
})

test('a wage is not paired as an own transfer with the same amount on another account', () => {
  const wage = tx('a0', '2026-03-27', 2150, 'VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE MARS')
  const debit = tx('a1', '2026-03-27', -2150, 'VIR SEPA EMIS /A NOTAIRE DURAND')
  const out = enrichedOf([account('a0', [wage]), account('a1', [debit])])
  const e = out.find((t) => t.id === wage.id)?.enrichments
  assert.equal(e?.type, 'INCOMING_TRANSFER')
  assert.equal(e?.category, 'WAGE')
})

test('decides the same whatever the order of the transactions', () => {
  const list = [
    ...monthly('a0', 'GUTSCHRIFT UEBERWEISUNG MUELLER LOGISTIK', 2300),
    ...monthly('a0', 'GUTSCHRIFT UEBERWEISUNG HERRN KLEINSCHMIDT', 500),
  ]
  const forward = enrichedOf([account('a0', list)]).map((t) => [t.id, t.enrichments.category])
  const backward = enrichedOf([account('a0', [...list].reverse())])
    .map((t) => [t.id, t.enrichments.category])
    .reverse()
  assert.deepEqual(backward, forward)
})
