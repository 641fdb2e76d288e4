/**
 * `creditlens analyze FILE`: reads an input file in any registered format, runs the engine and
 * prints a readable report, or with `--json` exactly one JSON document. A refused input is an
 * analysis in status ERROR (exit 0); a file that cannot be read or parsed exits 2.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import { formatIssue, hasErrors, parseInput } from '../adapters/index.ts'
import { analyse } from '../engine/analyse.ts'
import type { AnalyseResult, EngineContext } from '../engine/model/index.ts'
import { renderReport } from './analyze-report.ts'
import { BAD_INPUT, fsFailure, localDate } from './options.ts'

interface AnalyzeOptions {
  format?: string
  currencies?: string[]
  asOf?: string
  json?: boolean
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

/** The `--json` document: the analysis as the API serves it, and the enriched input. */
export const toJsonDocument = (result: AnalyseResult): unknown => ({
  analysis: result.ok
    ? {
        status: 'COMPLETED',
        metadata: result.metadata,
        ...(result.creditInsights === undefined ? {} : { creditInsights: result.creditInsights }),
        ...(result.scores === undefined ? {} : { scores: result.scores }),
      }
    : { status: 'ERROR', error: result.refusal },
  accounts: result.accounts.map((a) => ({ ...a.account, id: a.id, transactions: a.transactions })),
})

const fail = (message: string): never => {
  process.stderr.write(`creditlens analyze: ${message}\n`)
  process.exit(BAD_INPUT)
}

export const registerAnalyze = (program: Command): void => {
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
      const result = analyse(parsed.accounts, ctx)
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify(toJsonDocument(result), null, 2)}\n`)
      } else {
        process.stdout.write(renderReport(result, { file: basename(file), format: parsed.format }))
      }
    })
}
