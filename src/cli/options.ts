/** Option parsers shared by the commands: each throws commander's error for a bad value. */
import { InvalidArgumentError } from 'commander'

/** A calendar date YYYY-MM-DD (2026-02-31 is refused, not rolled over to March). */
export const localDate = (value: string): string => {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD')
  }
  return value
}

/** A holder's name for `--holder-name`: first and last name, as the engine needs both. */
export const holderName = (value: string): string => {
  const name = value.trim().replace(/\s+/g, ' ')
  if (name.split(' ').length < 2) {
    throw new InvalidArgumentError('expected a first and a last name, e.g. "JEAN DUPONT"')
  }
  return name
}

/** A repeatable option: each value parsed by `parse`, appended to the list. */
export const collect =
  <T>(parse: (value: string) => T) =>
  (value: string, previous: T[]): T[] => [...previous, parse(value)]

/** Exit code for input the command cannot read or write (missing file, bad content, bad path). */
export const BAD_INPUT = 2

/** The message of a failed file-system call, without its stack: `cannot read x (ENOENT)`. */
export const fsFailure = (verb: string, file: string, error: unknown): string => {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined
  return `cannot ${verb} ${file}${code === undefined ? '' : ` (${code})`}`
}
