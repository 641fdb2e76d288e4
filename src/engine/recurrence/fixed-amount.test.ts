import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, Transaction } from '../model/index.ts'
import { analyse } from '../analyse.ts'

let counter = 0
const tx = (date: string, amount: number, description: string): Transaction => ({
  id: `r${counter++}`,
  accountId: 'a0',
  description,
  amount: Math.round(amount * 100),
  currency: 'EUR',
  date,
  dates: { debitedAt: `${date}T00:00:00.000Z` },
  isComing: false,
})

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']

const account = (extra: Transaction[], owner: string | null): Account => ({
  id: 'a0',
  type: 'CHECKING',
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: 90000,
  balanceDate: '2026-05-31T00:00:00.000Z',
  owners: owner === null ? [] : [{ name: owner }],
  transactions: [
    ...MONTHS.map((m) => tx(`${m}-26`, 2050, 'VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE')),
    ...MONTHS.flatMap((m) =>
      ['04', '11', '18'].map((d) =>
        tx(`${m}-${d}`, -35.2, `PAIEMENT CB ${d}/01 CARREFOUR CARTE 4978`),
      ),
    ),
    ...extra,
  ],
})

/** [market, description]: payees known only by their regularity. */
const PAYEES: readonly [string, string, string | null][] = [
  ['FR', 'VIREMENT EMIS /A MME DUBOIS ANNE-MARIE', 'M PAUL LEFEBVRE'],
  ['ES', 'TRANSFERENCIA A FAVOR DE ANDRES ROIG', null],
  ['NL', 'SEPA OVERBOEKING NAAR T VAN DIJK', null],
]

for (const [market, description, owner] of PAYEES) {
  test(`a payee known only by its regularity stays OTHER_EXPENSE, as a monthly cash flow (${market})`, () => {
    const paid = MONTHS.map((m) => tx(`${m}-03`, -450, description))
    const result = analyse([account(paid, owner)])
    assert.ok(result.ok)
    const ids = new Set(paid.map((t) => t.id))
    const enriched = result.accounts[0]?.transactions?.filter((t) => ids.has(t.id)) ?? []
    assert.equal(enriched.length, MONTHS.length)
    for (const t of enriched) assert.equal(t.enrichments.category, 'OTHER_EXPENSE')
    const flow = result.creditInsights?.cashFlows.find((f) =>
      f.transactions.some((t) => ids.has(t.id)),
    )
    assert.ok(flow, 'a cash flow')
    assert.equal(flow.category, 'OTHER_EXPENSE')
    assert.equal(flow.transactions.length, MONTHS.length)
    assert.equal(flow.regularity.periodicity, 'MONTHLY')
  })
}
