/**
 * The conformance suite every input format runs (CONTRIBUTING.md, "How to add a format"): the same customer, whatever
 * format it arrives in, gives the same canonical accounts as its ALGOAN upload. Each format's
 * `conformance.test.ts` calls `runConformance` with a way to read a customer in that format.
 *
 * Compared: what every format carries — account type, usage, currency, balance and its date,
 * IBAN, BIC, and each transaction's date, amount, currency, description and coming flag (as a
 * multiset: formats need not list transactions in the same order). Not compared: ids (positional
 * or the aggregator's), owners, names and banks (Budget Insight and Linxo exports lack some),
 * `dates.bookedAt` (only some formats have an operation date besides the debit date).
 *
 * Then the same analysis: the engine's output for the member's accounts equals the one for the
 * ALGOAN upload, ids aside. Where a format does not carry an account's name, number, owners or bank, the
 * member's accounts borrow them from the reference first (the engine names the lender of a loan
 * repaid to the account's own bank after that bank); statement formats also borrow the account's
 * usage, BIC and type (a statement says neither how the account is used nor that it is a card or a
 * savings account), and their dates are compared as days: a statement has no time of day, and
 * dates a card purchase by its booking day where an aggregator calls that day the operation's.
 * Those are the only differences allowed.
 *
 * Customers: harry_potter and lara_croft (the publisher's, one checking account each, owners
 * named), and jean_dupont (ours: checking, deferred debit card and savings accounts, no owner
 * name anywhere, card transactions dated only by the day they were made, milliseconds in the
 * date-times; `scripts/write-fixture-customers.py`).
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { analyse } from '../engine/analyse.ts'
import type { Account } from '../engine/model/index.ts'
import { parseInput } from './index.ts'
import type { ParsedInput } from './index.ts'

export const CUSTOMERS = ['harry_potter', 'lara_croft', 'jean_dupont'] as const
export type Customer = (typeof CUSTOMERS)[number]

export interface ConformanceMember {
  /** The registry id the content must be detected as. */
  format: string
  /** The customer's data in this format, as the bytes of a file. */
  read: (customer: Customer) => Uint8Array | string
  /**
   * Statement files carry no account usage, no time of day and (except CAMT) no BIC: for them,
   * usage and BIC are not compared, and dates are compared as days.
   */
  isStatement?: boolean
}

const fixture = (path: string): Buffer =>
  readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url))

/** The reference: the customer's ALGOAN upload through the ALGOAN adapter. */
export const reference = (customer: Customer): ParsedInput =>
  parseInput(fixture(`algoan/${customer}.json`), { format: 'ALGOAN' })

/** What all formats must agree on (see the header). */
export const comparable = (accounts: readonly Account[], isStatement = false) =>
  accounts.map((account) => ({
    type: isStatement ? 'not compared' : account.type,
    usage: isStatement ? 'not compared' : account.usage,
    currency: account.currency,
    balance: account.balance,
    balanceDay: account.balanceDate?.slice(0, 10) ?? null,
    iban: account.iban ?? null,
    bic: isStatement ? 'not compared' : (account.bic ?? null),
    transactions: account.transactions
      .map((t) => [t.date, t.amount, t.currency, t.description, t.isComing].join('|'))
      .sort(),
  }))

/**
 * Drops every id (`id`, `accountId`, `transactionIds` …): they are positional or the source's;
 * and `aggregator`, which holds the source's own ids and type hints.
 */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/^id$|Ids?$/.test(key) && key !== 'aggregator')
      .map(([key, inner]) => [key, withoutIds(inner)]),
  )
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T[\d:.]+Z$/

/**
 * Every ISO date-time reduced to its day, and a transaction's `dates` to the one day it is
 * reasoned on (the debit day, else the operation day).
 */
const daysOnly = (value: unknown): unknown => {
  if (typeof value === 'string') return ISO_DATE_TIME.exec(value)?.[1] ?? value
  if (Array.isArray(value)) return value.map(daysOnly)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'dates' && typeof inner === 'object' && inner !== null
        ? daysOnly(dayOfDates(inner))
        : daysOnly(inner),
    ]),
  )
}

const dayOfDates = (dates: { debitedAt?: unknown; bookedAt?: unknown }): unknown =>
  dates.debitedAt ?? dates.bookedAt ?? null

/** The member's accounts with the identity fields their format lacks taken from the reference. */
const borrowIdentity = (
  accounts: readonly Account[],
  reference: readonly Account[],
  isStatement: boolean,
): Account[] =>
  accounts.map((account, index) => {
    const same = reference[index]
    if (same === undefined) return account
    return {
      ...account,
      ...(account.name === undefined && same.name !== undefined && { name: same.name }),
      ...(account.bank === undefined && same.bank !== undefined && { bank: same.bank }),
      ...(account.number === undefined && same.number !== undefined && { number: same.number }),
      owners: account.owners.length > 0 ? account.owners : same.owners,
      usage: account.usage === 'UNKNOWN' ? same.usage : account.usage,
      ...(account.bic === undefined && same.bic !== undefined && { bic: same.bic }),
      ...(isStatement && { type: same.type }),
    }
  })

export const runConformance = (member: ConformanceMember): void => {
  describe(`${member.format} conformance`, () => {
    for (const customer of CUSTOMERS) {
      test(`reads ${customer} as the same canonical accounts as its ALGOAN upload`, () => {
        const parsed = parseInput(member.read(customer), { fileName: customer })
        assert.equal(parsed.format, member.format, 'format detected from the content')
        assert.deepEqual(parsed.issues, [])
        const expected = reference(customer)
        assert.deepEqual(expected.issues, [])
        assert.ok(expected.accounts.length > 0)
        const isStatement = member.isStatement ?? false
        assert.deepEqual(
          comparable(parsed.accounts, isStatement),
          comparable(expected.accounts, isStatement),
        )
      })

      test(`gives ${customer} the same analysis as its ALGOAN upload, ids aside`, () => {
        const expected = reference(customer).accounts
        const isStatement = member.isStatement ?? false
        const accounts = borrowIdentity(
          parseInput(member.read(customer)).accounts,
          expected,
          isStatement,
        )
        const result = analyse(accounts)
        const wanted = analyse(expected)
        assert.equal(result.ok, wanted.ok)
        const shape = member.isStatement ? (v: unknown) => daysOnly(withoutIds(v)) : withoutIds
        assert.deepEqual(shape(result), shape(wanted))
      })

      test(`gives ${customer} unique ids that link transactions to their account`, () => {
        const { accounts } = parseInput(member.read(customer), { format: member.format })
        const ids = accounts.flatMap((a) => [a.id, ...a.transactions.map((t) => t.id)])
        assert.equal(new Set(ids).size, ids.length)
        for (const account of accounts) {
          for (const transaction of account.transactions) {
            assert.equal(transaction.accountId, account.id)
            assert.match(transaction.date, /^\d{4}-\d{2}-\d{2}$/)
            assert.ok(Number.isInteger(transaction.amount))
          }
        }
      })
    }
  })
}

/** Reads a fixture file of the given folder for a customer. */
export const fixtureReader =
  (folder: string) =>
  (customer: Customer): Buffer =>
    fixture(`${folder}/${customer}.json`)
