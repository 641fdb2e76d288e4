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
import { CliExit, type CliIo } from './io.ts'
import { BAD_INPUT, collect, fsFailure, holderName, localDate } from './options.ts'

interface AnalyzeOptions {
  format?: string
  currencies?: string[]
  asOf?: string
  json?: boolean
  holderName: string[]
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
    .action((file: string, options: AnalyzeOptions) => {
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
      if (options.json === true) {
        io.out(`${JSON.stringify(toJsonDocument(result, notes), null, 2)}\n`)
      } else {
        io.out(renderReport(result, { file: basename(file), format: parsed.format }, notes))
      }
    })
}
