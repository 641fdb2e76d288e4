/**
 * Export layouts of real banks (see docs/decisions/adapters-csv-presets.md for where each comes
 * from). A preset is chosen when every header of its `signature` is in the file; it then fixes
 * what a generic reading would have to guess: column roles, date layout, decimal separator and
 * currency. Knowingly wrong: banks change their exports; a renamed column falls back to the
 * generic reading, which still works when the headers are recognisable.
 */
import type { DateFormat } from '../shared/dates.ts'
import type { ColumnRole } from './schema.ts'

export interface CsvPreset {
  id: string
  country: 'FR' | 'UK' | 'ES' | 'NL' | 'DE'
  bank: string
  /** Normalised headers that must all be present. */
  signature: readonly string[]
  /** Normalised header → role, for the columns whose role differs from the generic synonyms. */
  roles: Readonly<Record<string, ColumnRole>>
  dateFormat: DateFormat
  decimal: '.' | ','
  currency: string
}

export const PRESETS: readonly CsvPreset[] = [
  {
    id: 'BOURSORAMA_FR',
    country: 'FR',
    bank: 'Boursorama Banque',
    signature: ['dateop', 'dateval', 'label', 'amount', 'accountnum'],
    roles: {
      dateop: 'date',
      dateval: 'valueDate',
      label: 'description',
      category: 'ignored',
      categoryparent: 'ignored',
      supplierfound: 'ignored',
      amount: 'amount',
      comment: 'ignored',
      accountnum: 'account',
      accountlabel: 'accountName',
      // The account's balance when the file was exported, repeated on every row.
      accountbalance: 'balance',
    },
    dateFormat: 'YYYY-MM-DD',
    decimal: ',',
    currency: 'EUR',
  },
  {
    id: 'MONZO_UK',
    country: 'UK',
    bank: 'Monzo',
    signature: ['transaction id', 'date', 'name', 'amount', 'local amount'],
    roles: {
      'transaction id': 'ignored',
      time: 'ignored',
      type: 'ignored',
      name: 'description',
      emoji: 'ignored',
      category: 'ignored',
      'local amount': 'ignored',
      'local currency': 'ignored',
      'notes and tags': 'ignored',
      address: 'ignored',
      receipt: 'ignored',
      description: 'description',
      'category split': 'ignored',
      // Money out / in repeat Amount split by direction: reading both would count twice.
      'money out': 'ignored',
      'money in': 'ignored',
    },
    dateFormat: 'DD/MM/YYYY',
    decimal: '.',
    currency: 'GBP',
  },
  {
    id: 'BARCLAYS_UK',
    country: 'UK',
    bank: 'Barclays',
    signature: ['number', 'date', 'account', 'amount', 'subcategory', 'memo'],
    roles: {
      number: 'ignored',
      account: 'account',
      subcategory: 'ignored',
      memo: 'description',
    },
    dateFormat: 'DD/MM/YYYY',
    decimal: '.',
    currency: 'GBP',
  },
  {
    id: 'ING_NL',
    country: 'NL',
    bank: 'ING Nederland',
    signature: ['datum', 'naam omschrijving', 'rekening', 'af bij', 'bedrag eur'],
    roles: {
      'naam omschrijving': 'description',
      rekening: 'account',
      tegenrekening: 'ignored',
      code: 'ignored',
      'af bij': 'direction',
      'bedrag eur': 'amount',
      mutatiesoort: 'ignored',
      mededelingen: 'description',
      'saldo na mutatie': 'balance',
      tag: 'ignored',
    },
    dateFormat: 'YYYYMMDD',
    decimal: ',',
    currency: 'EUR',
  },
  {
    id: 'SPARKASSE_DE',
    country: 'DE',
    bank: 'Sparkasse (CSV-CAMT V2)',
    signature: ['auftragskonto', 'buchungstag', 'valutadatum', 'verwendungszweck', 'betrag'],
    roles: {
      auftragskonto: 'account',
      buchungstag: 'date',
      valutadatum: 'valueDate',
      buchungstext: 'description',
      verwendungszweck: 'description',
      'glaeubiger id': 'ignored',
      mandatsreferenz: 'ignored',
      'kundenreferenz end to end': 'ignored',
      sammlerreferenz: 'ignored',
      'lastschrift ursprungsbetrag': 'ignored',
      'auslagenersatz ruecklastschrift': 'ignored',
      'beguenstigter zahlungspflichtiger': 'description',
      'kontonummer iban': 'ignored',
      'bic swift code': 'ignored',
      betrag: 'amount',
      waehrung: 'currency',
      info: 'status',
    },
    dateFormat: 'DD.MM.YY',
    decimal: ',',
    currency: 'EUR',
  },
]
