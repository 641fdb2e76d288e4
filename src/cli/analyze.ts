/**
 * `creditlens analyze FILE`: reads an input file in any registered format, runs the engine and
 * prints a readable report, or with `--json` exactly one JSON document. A refused input is an
 * analysis in status ERROR (exit 0); a file that cannot be read or parsed exits 2. The adapters'
 * warnings and what own-account detection could rely on are in both outputs (`warnings` and
 * `metadata.ownAccountDetection` in the JSON); `--holder-name` gives the holder's names when the
 * file's accounts name no owner.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import { formatIssue, hasErrors, parseInput } from '../adapters/index.ts'
import { analyse } from '../engine/analyse.ts'
import {
  restoreOwners,
  warningsOf,
  withHolderNames,
  withNotes,
  type InputWarning,
  type OwnAccountDetection,
} from '../app/analysis-notes.ts'
import type { AnalyseResult, EngineContext } from '../engine/model/index.ts'
import { renderReport } from './analyze-report.ts'
import { renderAffordability } from './affordability-report.ts'
import { assessResult } from '../app/scoring/assess.ts'
import { affordabilityToWire } from '../app/scoring/affordability-wire.ts'
import { DEFAULT_POLICY } from '../engine/scoring/decision-policy.ts'
import { toMinor } from '../engine/model/index.ts'
import { CliExit, type CliIo } from './io.ts'
import { BAD_INPUT, collect, fsFailure, holderName, localDate } from './options.ts'

interface AnalyzeOptions {
  format?: string
  currencies?: string[]
  asOf?: string
  json?: boolean
  holderName: string[]
  loanAmount?: number
  loanDuration?: number
  loanUpfront?: number
  annualRate?: number
}

/** A positive amount in major units with at most two decimals (3000, 2999.99). */
const amount = (value: string): number => {
  if (!/^\d+(\.\d{1,2})?$/.test(value) || Number(value) <= 0) {
    throw new InvalidArgumentError('expected a positive amount such as 3000 or 2999.99')
  }
  return Number(value)
}

const months = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 24) {
    throw new InvalidArgumentError('expected a number of months from 1 to 24')
  }
  return Number(value)
}

const rate = (value: string): number => {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) {
    throw new InvalidArgumentError('expected an annual rate in percent, e.g. 5.9')
  }
  return Number(value)
}

const currencies = (value: string): string[] => {
  const list = value
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '')
  if (list.length === 0 || list.some((c) => !/^[A-Z]{3}$/.test(c))) {
    throw new InvalidArgumentError('expected ISO 4217 codes separated by commas, e.g. EUR,GBP')
  }
  return list
}

/** What the analysis says about its input: adapter warnings and own-account detection. */
export interface InputNotes {
  warnings: InputWarning[]
  ownAccountDetection: OwnAccountDetection
}

const NO_NOTES: InputNotes = {
  warnings: [],
  ownAccountDetection: { limited: false, nameSources: ['ACCOUNT_OWNERS'] },
}

/**
 * The `--json` document: the analysis as the API serves it (metadata with the warnings and
 * own-account detection), the adapters' warnings (also for a refused analysis, which has no
 * metadata), and the enriched input.
 */
export const toJsonDocument = (result: AnalyseResult, notes: InputNotes = NO_NOTES): unknown => ({
  analysis: result.ok
    ? {
        status: 'COMPLETED',
        metadata: withNotes(result.metadata, notes.warnings, notes.ownAccountDetection),
        ...(result.creditInsights === undefined ? {} : { creditInsights: result.creditInsights }),
        ...(result.scores === undefined ? {} : { scores: result.scores }),
      }
    : { status: 'ERROR', error: result.refusal },
  warnings: notes.warnings,
  accounts: result.accounts.map((a) => ({ ...a.account, id: a.id, transactions: a.transactions })),
})

/** The requested credit in minor units (EUR's two decimals), or undefined without one. */
const loanOf = (
  options: AnalyzeOptions,
  fail: (message: string) => never,
): { amount: number; upfront: number; duration: number } | undefined => {
  if (options.loanAmount === undefined) {
    if (options.loanDuration !== undefined || options.loanUpfront !== undefined) {
      fail('--loan-duration and --loan-upfront need --loan-amount')
    }
    return undefined
  }
  if (options.loanDuration === undefined) return fail('--loan-amount needs --loan-duration')
  const upfront = options.loanUpfront ?? 0
  if (upfront >= options.loanAmount) fail('--loan-upfront must be less than --loan-amount')
  return {
    amount: toMinor(options.loanAmount, 'EUR'),
    upfront: toMinor(upfront, 'EUR'),
    duration: options.loanDuration,
  }
}

const loanToWire = (loan: { amount: number; upfront: number; duration: number }) => ({
  amount: loan.amount / 100,
  upfront: loan.upfront / 100,
  duration: loan.duration,
})

export const registerAnalyze = (program: Command, io: CliIo): void => {
  const fail = (message: string): never => {
    io.err(`creditlens analyze: ${message}\n`)
    throw new CliExit(BAD_INPUT)
  }
  program
    .command('analyze')
    .description('Analyse a file of accounts and transactions: insights, scores and their reasons.')
    .argument('<file>', 'input file (format detected from the content unless --format is given)')
    .option('--format <format>', 'input format, e.g. ALGOAN')
    .option('--currencies <list>', 'supported currencies (default EUR,GBP)', currencies)
    .option(
      '--as-of <date>',
      'analysis date YYYY-MM-DD (default: the latest date in the data)',
      localDate,
    )
    .option('--json', 'print one JSON document instead of the report')
    .option(
      '--holder-name <name>',
      'the holder\'s "FIRST LAST" name, for accounts whose owners the file does not name ' +
        '(repeat for joint holders)',
      collect(holderName),
      [],
    )
    .option(
      '--loan-amount <amount>',
      'a requested credit: its affordability, score and decision',
      amount,
    )
    .option('--loan-duration <months>', 'the credit duration in months (1–24)', months)
    .option(
      '--loan-upfront <amount>',
      'paid at the start, less than the amount (default 0)',
      amount,
    )
    .option('--annual-rate <percent>', 'the credit annual interest rate (default 0)', rate)
    .action((file: string, options: AnalyzeOptions) => {
      const loan = loanOf(options, fail)
      let bytes: Uint8Array
      try {
        bytes = readFileSync(file)
      } catch (error) {
        return fail(fsFailure('read', file, error))
      }
      const parsed = parseInput(bytes, {
        fileName: basename(file),
        ...(options.format === undefined ? {} : { format: options.format }),
      })
      if (hasErrors(parsed)) {
        const errors = parsed.issues.filter((i) => i.severity === 'error')
        const shown = errors.slice(0, 20).map((i) => `  ${formatIssue(i)}`)
        const more = errors.length > 20 ? [`  … and ${errors.length - 20} more`] : []
        const what =
          parsed.format === 'UNKNOWN'
            ? 'in no format creditlens reads'
            : `not a valid ${parsed.format} file`
        return fail(`${file} is ${what}:\n${[...shown, ...more].join('\n')}`)
      }
      const ctx: EngineContext = {
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        ...(options.currencies === undefined ? {} : { supportedCurrencies: options.currencies }),
      }
      const named = withHolderNames(parsed.accounts, [
        { source: 'HOLDER_NAME_OPTION', names: options.holderName },
      ])
      const result = restoreOwners(analyse(named.accounts, ctx), parsed.accounts)
      const notes: InputNotes = {
        warnings: warningsOf(parsed.issues),
        ownAccountDetection: named.ownAccountDetection,
      }
      const assessed =
        loan &&
        assessResult(
          result,
          loan,
          { ...DEFAULT_POLICY, annualRatePercent: options.annualRate ?? 0 },
          options.asOf,
        )
      if (options.json === true) {
        const document = toJsonDocument(result, notes)
        io.out(
          `${JSON.stringify(
            assessed
              ? {
                  ...(document as object),
                  loan: { request: loanToWire(loan), ...affordabilityToWire(assessed) },
                }
              : document,
            null,
            2,
          )}\n`,
        )
      } else {
        io.out(renderReport(result, { file: basename(file), format: parsed.format }, notes))
        if (assessed && loan) io.out(renderAffordability(assessed, loan))
      }
    })
}
