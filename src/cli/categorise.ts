/**
 * `creditlens categorise FILE [--json] [--holder-name "FIRST LAST"]`: types and categorises
 * every transaction of an upload file and prints a table, or the input itself with `enrichments`
 * added to each transaction. The adapters' warnings, and a note when no holder name is known,
 * go to stderr (stdout stays the table or the JSON).
 */
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { formatIssue } from '../adapters/index.ts'
import { categoriseInput } from '../app/categorise-input.ts'
import { toMajor, type Account, type EnrichedTransaction } from '../engine/model/index.ts'
import { CliExit, type CliIo } from './io.ts'
import { BAD_INPUT, collect, fsFailure, holderName } from './options.ts'

type Json = Record<string, unknown>
const without = (object: object, keys: readonly string[]): Json =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)))

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const pad = (text: string, width: number): string =>
  text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length)

const table = (
  accounts: readonly Account[],
  enriched: readonly EnrichedTransaction[][],
): string => {
  const lines: string[] = []
  accounts.forEach((account, a) => {
    const name = account.name ?? account.iban ?? account.id
    lines.push(`${account.type} ${name} (${account.currency})`)
    lines.push(
      `  ${pad('date', 10)}  ${pad('amount', 11)}  ${pad('type', 26)}  ${pad('category', 32)}  ${pad('counterparty', 24)}  rule`,
    )
    for (const tx of enriched[a] ?? []) {
      const e = tx.enrichments
      const amount = toMajor(tx.amount, tx.currency).toFixed(2)
      lines.push(
        `  ${tx.date}  ${' '.repeat(Math.max(0, 11 - amount.length))}${amount}  ${pad(e.type, 26)}  ${pad(e.category, 32)}  ${pad(e.counterparty ?? '', 24)}  ${e.ruleId}`,
      )
    }
    lines.push('')
  })
  return lines.join('\n')
}

/**
 * The input document with `enrichments` added to each transaction. Fields are kept as given
 * when the input is JSON in the upload shape; other formats print the canonical fields.
 */
const document = (
  raw: unknown,
  accounts: readonly Account[],
  enriched: readonly EnrichedTransaction[][],
): Json => {
  const rawAccounts = isRecord(raw) && Array.isArray(raw.accounts) ? raw.accounts : []
  const rawTransactionOf = (a: number, t: number): Json | undefined => {
    const account: unknown = rawAccounts[a]
    const list =
      isRecord(account) && Array.isArray(account.transactions) ? account.transactions : []
    const transaction: unknown = list[t]
    return isRecord(transaction) ? transaction : undefined
  }
  // counterPartId names our ids (`a0t12`); point it at the input's own id when it has one.
  const inputId = new Map<string, string>()
  enriched.forEach((list, a) =>
    list.forEach((tx, t) => {
      const id = rawTransactionOf(a, t)?.id
      inputId.set(tx.id, typeof id === 'string' ? id : tx.id)
    }),
  )
  return {
    accounts: accounts.map((account, a) => {
      const rawAccount: unknown = rawAccounts[a]
      const base = isRecord(rawAccount) ? rawAccount : without(account, ['transactions'])
      return {
        ...base,
        transactions: (enriched[a] ?? []).map((tx, t) => {
          const { enrichments } = tx
          const given = rawTransactionOf(a, t) ?? {
            ...without(tx, ['labelRoot', 'enrichments']),
            amount: toMajor(tx.amount, tx.currency),
          }
          const counterPartId =
            enrichments.counterPartId === null
              ? null
              : (inputId.get(enrichments.counterPartId) ?? enrichments.counterPartId)
          return { ...given, enrichments: { ...enrichments, counterPartId } }
        }),
      }
    }),
  }
}

export const registerCategorise = (program: Command, io: CliIo): void => {
  const fail = (message: string): never => {
    io.err(`creditlens categorise: ${message}\n`)
    throw new CliExit(BAD_INPUT)
  }
  program
    .command('categorise')
    .description('Type and categorise every transaction of an upload file (ALGOAN JSON, …).')
    .argument('<file>', 'the file to read')
    .option('--json', 'print the input as JSON with `enrichments` on each transaction')
    .option(
      '--locale <list>',
      "the customer's locales, e.g. fr-BE,nl (default: from the IBANs, currency or descriptions)",
      (value: string) =>
        value
          .split(',')
          .map((locale) => locale.trim())
          .filter(Boolean),
    )
    .option(
      '--holder-name <name>',
      'the holder\'s "FIRST LAST" name, for accounts whose owners the file does not name ' +
        '(repeat for joint holders)',
      collect(holderName),
      [],
    )
    .action(
      (file: string, options: { json?: boolean; locale?: string[]; holderName: string[] }) => {
        let bytes: Buffer
        try {
          bytes = readFileSync(file)
        } catch (error) {
          const missing = isRecord(error) && error.code === 'ENOENT'
          return fail(missing ? `no such file: ${file}` : fsFailure('read', file, error))
        }
        const result = categoriseInput(new Uint8Array(bytes), {
          fileName: file,
          ...(options.locale === undefined ? {} : { locales: options.locale }),
          holderNames: options.holderName,
        })
        if (!result.ok) {
          const [first] = result.issues
          const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ''
          return fail(
            `${file} is not a valid input: ${first ? formatIssue(first) : 'unknown error'}${more}`,
          )
        }
        for (const warning of result.warnings) {
          io.err(`creditlens categorise: warning: ${warning.path}: ${warning.message}\n`)
        }
        if (result.ownAccountDetection.limited) {
          io.err(
            'creditlens categorise: no holder name known: own-account transfers are recognised ' +
              'by wording only (give --holder-name "FIRST LAST")\n',
          )
        }
        if (!options.json) {
          io.out(`${table(result.accounts, result.enriched)}\n`)
          return
        }
        let raw: unknown
        try {
          raw = JSON.parse(bytes.toString('utf8'))
        } catch {
          raw = undefined // not JSON (CSV, OFX, CAMT): print canonical fields
        }
        io.out(`${JSON.stringify(document(raw, result.accounts, result.enriched), null, 2)}\n`)
      },
    )
}
