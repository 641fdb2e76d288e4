/**
 * Every dictionary the matcher compiles: one per language plus the shared names. Order does
 * not matter: a term may appear in one dictionary only (the dictionary test checks it).
 */
import { COMMON } from './common.ts'
import { FR } from './fr.ts'
import { EN } from './en.ts'
import { ES } from './es.ts'
import { NL } from './nl.ts'
import { DE } from './de.ts'
import type { Dictionary } from './types.ts'

export type { Dictionary, Entry } from './types.ts'

export const DICTIONARIES: Readonly<Record<string, Dictionary>> = {
  common: COMMON,
  fr: FR,
  en: EN,
  es: ES,
  nl: NL,
  de: DE,
}
