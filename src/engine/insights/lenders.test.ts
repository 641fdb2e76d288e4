import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isLenderName, LENDER_NAMES } from '../categorise/dictionary-names.ts'
import { LENDER_GROUPS } from './lender-groups.ts'
import { lenderName } from './lenders.ts'

test('names one lender across its brands, arms and truncations', () => {
  assert.equal(lenderName('CARTE ZERO', 'PRELEVEMENT CARTE ZERO', 'MY BANK'), 'ADVANZIA BANK')
  assert.equal(lenderName('SOGEFINANC', 'PRLV SEPA SOGEFINANC', 'MY BANK'), 'SOGEFINANCE')
  assert.equal(lenderName('AFTERPAY', 'CARD PAYMENT TO AFTERPAY', 'MY BANK'), 'CLEARPAY')
  assert.equal(
    lenderName(null, 'LASTSCHRIFT SANTANDER CONSUMER BANK AG RATE', 'MY BANK'),
    'SANTANDER CONSUMER',
  )
})

test('keeps the categoriser’s lender, then a dictionary lender in the wording, then the bank', () => {
  assert.equal(lenderName('ACORN LENDING', 'DD ACORN LENDING', 'MY BANK'), 'ACORN LENDING')
  assert.equal(lenderName(null, 'SEPA INCASSO DEFAM LENING', 'MY BANK'), 'DEFAM')
  assert.equal(lenderName(null, 'PRET IMMOBILIER ECH', 'MY BANK'), 'MY BANK')
})

test('reads lender names from the dictionaries, not from a second list', () => {
  assert.ok(LENDER_NAMES.includes('COFIDIS') && LENDER_NAMES.includes('VANQUIS'))
  for (const group of LENDER_GROUPS) {
    assert.ok(group.aliases.length > 0, group.name)
    assert.ok(
      !group.aliases.includes(group.name),
      `${group.name}: a lender known under one name belongs in the dictionaries only`,
    )
    assert.ok(
      isLenderName(group.name) || group.aliases.some(isLenderName),
      `${group.name}: no name of the group is a dictionary lender`,
    )
  }
})

test('puts a name in one group at most', () => {
  const names = LENDER_GROUPS.flatMap((g) => [g.name, ...g.aliases])
  assert.equal(new Set(names).size, names.length)
})
