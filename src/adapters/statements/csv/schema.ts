/**
 * The shape of a bank's CSV export: which column holds what. Columns are recognised from their
 * header in French, English, Spanish, Dutch and German (`SYNONYMS`), or by a bank preset
 * (`presets.ts`) that also fixes the date layout, decimal separator and currency of that export.
 */
import type { DateFormat } from '../shared/dates.ts'

export type ColumnRole =
  | 'date'
  | 'valueDate'
  | 'description'
  | 'amount'
  | 'debit'
  | 'credit'
  | 'direction'
  | 'currency'
  | 'balance'
  | 'account'
  | 'accountName'
  | 'status'
  /** Known but not used (category, reference, counterparty account …): no warning. */
  | 'ignored'

/** Lower-case, accents stripped, anything but letters and digits as single spaces. */
export const normaliseHeader = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** Normalised header → role, for files without a preset. */
export const SYNONYMS: Readonly<Record<string, ColumnRole>> = {
  // booking date
  date: 'date',
  'booking date': 'date',
  'posting date': 'date',
  'transaction date': 'date',
  'date operation': 'date',
  'date de l operation': 'date',
  'date d operation': 'date',
  'date comptable': 'date',
  buchungstag: 'date',
  buchungsdatum: 'date',
  datum: 'date',
  boekdatum: 'date',
  fecha: 'date',
  'fecha operacion': 'date',
  'f operacion': 'date',
  // value date
  'value date': 'valueDate',
  'date valeur': 'valueDate',
  'date de valeur': 'valueDate',
  valutadatum: 'valueDate',
  valuta: 'valueDate',
  wertstellung: 'valueDate',
  rentedatum: 'valueDate',
  'fecha valor': 'valueDate',
  'f valor': 'valueDate',
  // description
  description: 'description',
  'transaction description': 'description',
  details: 'description',
  memo: 'description',
  narrative: 'description',
  name: 'description',
  payee: 'description',
  libelle: 'description',
  'libelle de l operation': 'description',
  'libelle operation': 'description',
  'detail de l ecriture': 'description',
  label: 'description',
  verwendungszweck: 'description',
  buchungstext: 'description',
  'beguenstigter zahlungspflichtiger': 'description',
  'empfaenger auftraggeber': 'description',
  concepto: 'description',
  descripcion: 'description',
  movimiento: 'description',
  omschrijving: 'description',
  'naam omschrijving': 'description',
  mededelingen: 'description',
  // signed amount
  amount: 'amount',
  montant: 'amount',
  'montant eur': 'amount',
  'montant euros': 'amount',
  'montant de l operation': 'amount',
  betrag: 'amount',
  'betrag eur': 'amount',
  umsatz: 'amount',
  importe: 'amount',
  bedrag: 'amount',
  'bedrag eur': 'amount',
  // split amounts
  debit: 'debit',
  'debit eur': 'debit',
  'debit euros': 'debit',
  'money out': 'debit',
  'paid out': 'debit',
  withdrawals: 'debit',
  soll: 'debit',
  cargo: 'debit',
  credit: 'credit',
  'credit eur': 'credit',
  'credit euros': 'credit',
  'money in': 'credit',
  'paid in': 'credit',
  deposits: 'credit',
  haben: 'credit',
  abono: 'credit',
  // direction of an unsigned amount
  'af bij': 'direction',
  'debit credit': 'direction',
  'soll haben': 'direction',
  's h': 'direction',
  // others
  currency: 'currency',
  devise: 'currency',
  waehrung: 'currency',
  wahrung: 'currency',
  divisa: 'currency',
  munt: 'currency',
  balance: 'balance',
  'running balance': 'balance',
  solde: 'balance',
  saldo: 'balance',
  'saldo na mutatie': 'balance',
  kontostand: 'balance',
  disponible: 'balance',
  iban: 'account',
  account: 'account',
  'account number': 'account',
  compte: 'account',
  'numero de compte': 'account',
  rekening: 'account',
  auftragskonto: 'account',
  cuenta: 'account',
  category: 'ignored',
  categorie: 'ignored',
  kategorie: 'ignored',
  categoria: 'ignored',
  reference: 'ignored',
  referencia: 'ignored',
  referenz: 'ignored',
  tegenrekening: 'ignored',
  code: 'ignored',
  mutatiesoort: 'ignored',
  tag: 'ignored',
  notes: 'ignored',
  type: 'ignored',
  'transaction type': 'ignored',
  info: 'status',
  status: 'status',
}

/** Values of a direction column that mean money out / money in. */
export const DEBIT_WORDS: ReadonlySet<string> = new Set([
  'af',
  'debit',
  'd',
  'dbit',
  's',
  'soll',
  'dr',
  'cargo',
  '-',
])
export const CREDIT_WORDS: ReadonlySet<string> = new Set([
  'bij',
  'credit',
  'c',
  'crdt',
  'h',
  'haben',
  'cr',
  'abono',
  '+',
])

/** Values of a status column that mean "not yet booked". */
export const PENDING_WORDS: readonly string[] = [
  'vorgemerkt',
  'pending',
  'en cours',
  'a venir',
  'pendiente',
]

export interface CsvLayout {
  /** Preset id when a bank preset matched, else `GENERIC`. */
  preset: string
  delimiter: string
  /** Index of the header row among the file's rows. */
  headerRow: number
  roles: ColumnRole[]
  dateFormat?: DateFormat
  decimal?: '.' | ','
  currency?: string
}
