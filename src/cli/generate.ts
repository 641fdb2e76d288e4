/**
 * `creditlens generate`: writes a synthetic upload file (ALGOAN format) for a profile and a
 * market. Seeded: the same flags always write the same file.
 */
import { writeFileSync } from 'node:fs'
import { CliExit, type CliIo } from './io.ts'
import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import type { Country, Profile } from '../synthetic/index.ts'
import { COUNTRIES, DEFAULT_END_DATE, generateUpload, PROFILES } from '../synthetic/index.ts'
import { BAD_INPUT, fsFailure, localDate } from './options.ts'

const oneOf =
  <T extends string>(values: readonly T[], what: string) =>
  (value: string): T => {
    const found = values.find((v) => v.toLowerCase() === value.toLowerCase())
    if (found === undefined) {
      throw new InvalidArgumentError(`unknown ${what} "${value}"; one of ${values.join(', ')}`)
    }
    return found
  }

const integer =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`)
    }
    return n
  }

export const registerGenerate = (program: Command, io: CliIo): void => {
  program
    .command('generate')
    .description('Write a realistic synthetic bank history (ALGOAN upload JSON), seeded.')
    .requiredOption(
      '--profile <profile>',
      `customer profile: ${PROFILES.join(' | ')}`,
      oneOf(PROFILES, 'profile'),
    )
    .option(
      '--country <country>',
      `market: ${COUNTRIES.join(' | ')}`,
      oneOf(COUNTRIES, 'country'),
      'FR',
    )
    .option('--months <n>', 'months of history (1–240)', integer(1, 240), 12)
    .option('--seed <n>', 'random seed', integer(0, 2 ** 31), 1)
    .option('--end-date <date>', 'last day of the history', localDate, DEFAULT_END_DATE)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(
      (options: {
        profile: Profile
        country: Country
        months: number
        seed: number
        endDate: string
        out?: string
      }) => {
        const upload = generateUpload(options)
        const text = `${JSON.stringify(upload, null, 2)}\n`
        if (options.out === undefined) {
          io.out(text)
          return
        }
        try {
          writeFileSync(options.out, text)
        } catch (error) {
          io.err(`creditlens generate: ${fsFailure('write', options.out, error)}\n`)
          throw new CliExit(BAD_INPUT)
        }
      },
    )
}
