/**
 * The sandbox bank (test mode only): a built-in bank whose logins hold a year of accounts made by
 * creditlens's generator (src/synthetic). User names are `<profile>-<market>` for the profiles
 * good, risky and very-risky and the markets fr, uk, es, nl, be, de; every PIN is 1234 and every
 * one-time code 123456 (README, "Sandbox bank"). Each login holds a checking account in its
 * holder's name, plus a savings account (profiles that save) or a deferred-debit credit card
 * (the others, which the generator gives no savings): same login, same data, ending the day
 * before `today` so that it always looks recent.
 * Knowingly simple: the card account takes the checking's card payments of each month and is
 * settled from the checking on the month's last day; the settlement wording is ours.
 */
import { parseBody } from '../../adapters/index.ts'
import type { Account } from '../../engine/model/index.ts'
import { fromDayNumber, toDayNumber } from '../../engine/model/index.ts'
import { generateUpload, type Country, type Profile } from '../../synthetic/index.ts'
import { WORDINGS } from '../../synthetic/wordings.ts'
import type { DataSource, SourceResult } from './port.ts'

export const SANDBOX_PIN = '1234'
export const SANDBOX_OTP = '123456'
export const SANDBOX_PROFILES = [
  'good',
  'risky',
  'very-risky',
] as const satisfies readonly Profile[]
export const SANDBOX_MARKETS = ['fr', 'uk', 'es', 'nl', 'be', 'de'] as const

/** The holder of each login's accounts (README lists them: lenders test name checks on them). */
export const SANDBOX_HOLDERS: Readonly<Record<string, string>> = {
  'good-fr': 'Camille Dubois',
  'risky-fr': 'Jean-Pierre Lefèvre',
  'very-risky-fr': 'Hélène Girard',
  'good-uk': 'Oliver James Smith',
  'risky-uk': 'Emily Taylor',
  'very-risky-uk': "Jack O'Brien",
  'good-es': 'María José García López',
  'risky-es': 'José Martínez Ruiz',
  'very-risky-es': 'Lucía Fernández',
  'good-nl': 'Daan de Vries',
  'risky-nl': 'Sanne van den Berg',
  'very-risky-nl': 'Sem Jansen',
  'good-be': 'Lucas Peeters',
  'risky-be': 'Louise Maes',
  'very-risky-be': 'Noah Claes',
  'good-de': 'Max Mustermann',
  'risky-de': 'Jürgen Müller',
  'very-risky-de': 'Anna-Lena Schäfer',
}

const SETTLEMENT: Readonly<Record<Country, string>> = {
  FR: 'PRLV CARTE A DEBIT DIFFERE',
  UK: 'CREDIT CARD PAYMENT',
  ES: 'LIQUIDACION TARJETA DE CREDITO',
  NL: 'AFLOSSING CREDITCARD',
  BE: 'DECOMPTE CARTE DE CREDIT',
  DE: 'KREDITKARTENABRECHNUNG',
}

interface Login {
  profile: Profile
  country: Country
}

const loginOf = (username: string): Login | undefined => {
  const match = /^(good|risky|very-risky)-(fr|uk|es|nl|be|de)$/.exec(username.trim().toLowerCase())
  if (!match || match[1] === undefined || match[2] === undefined) return undefined
  // The pattern above only matches the profiles and markets listed.
  return { profile: match[1] as Profile, country: match[2].toUpperCase() as Country }
}

/** A stable seed per login (FNV-1a of the user name). */
const seedOf = (username: string): number => {
  let hash = 0x811c9dc5
  for (const char of username) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % 100_000_000
}

type UploadAccount = ReturnType<typeof generateUpload>['accounts'][number]

const cents = (value: number): number => Math.round(value * 100) / 100

/** Moves the checking's card payments to a deferred-debit card settled each month. */
const withCard = (checking: UploadAccount, country: Country): UploadAccount[] => {
  const w = WORDINGS[country]
  const prefix = w.card('\u0000', '00/00').split('\u0000')[0] ?? ''
  const isCard = (description: string) => prefix !== '' && description.startsWith(prefix)
  const kept = checking.transactions.filter((t) => !isCard(t.description))
  const moved = checking.transactions.filter((t) => isCard(t.description))
  const byMonth = new Map<string, number>()
  for (const t of moved) {
    const month = t.dates.bookedAt.slice(0, 7)
    byMonth.set(month, cents((byMonth.get(month) ?? 0) + t.amount))
  }
  const lastDay = checking.balanceDate.slice(0, 10)
  const settlements: UploadAccount['transactions'] = []
  const resets: UploadAccount['transactions'] = []
  let outstanding = 0
  for (const [month, total] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const next = new Date(`${month}-01T00:00:00Z`)
    next.setUTCMonth(next.getUTCMonth() + 1)
    const day = fromDayNumber(toDayNumber(next.toISOString().slice(0, 10)) - 1)
    if (day > lastDay) {
      outstanding = total
      continue
    }
    const at = `${day}T12:00:00.000Z`
    const amount = cents(-total)
    settlements.push({
      description: SETTLEMENT[country],
      amount: -amount,
      currency: w.currency,
      dates: { debitedAt: at, bookedAt: at },
    })
    resets.push({
      description: `${SETTLEMENT[country]} ${month.slice(5, 7)}/${month.slice(0, 4)}`,
      amount,
      currency: w.currency,
      dates: { debitedAt: at, bookedAt: at },
    })
  }
  // The checking's closing balance is unchanged by the move, except for the month not yet settled.
  const closing = cents(checking.balance - outstanding)
  return [
    { ...checking, balance: closing, transactions: [...kept, ...settlements] },
    {
      ...checking,
      type: 'CREDIT_CARD' as UploadAccount['type'],
      name: 'Credit card',
      balance: outstanding,
      iban: `${checking.iban.slice(0, -4)}0003`,
      transactions: [...moved, ...resets],
    },
  ]
}

/** The accounts of a login, ending the day before `today` (YYYY-MM-DD). */
export const sandboxAccounts = (username: string, today: string): Account[] | undefined => {
  const login = loginOf(username)
  if (!login) return undefined
  const key = username.trim().toLowerCase()
  const upload = generateUpload({
    profile: login.profile,
    country: login.country,
    months: 12,
    seed: seedOf(key),
    endDate: fromDayNumber(toDayNumber(today) - 1),
  })
  const holder = SANDBOX_HOLDERS[key] ?? key
  const named = upload.accounts.map((account) => ({ ...account, owners: [{ name: holder }] }))
  const [checking, ...others] = named
  if (!checking) return undefined
  const accounts = others.length > 0 ? named : withCard(checking, login.country)
  const parsed = parseBody({ format: 'ALGOAN', accounts })
  return parsed.accounts
}

export const sandboxBank: DataSource = {
  id: 'SANDBOX_BANK',
  offeredInLiveMode: false,
  credentialSteps: [['username', 'pin'], ['otp']],
  checkStep: (step, fields) => {
    if (step === 0) {
      if (!loginOf(fields.username ?? '')) return 'e10000'
      if (fields.pin !== SANDBOX_PIN) return 'e10001'
      return undefined
    }
    return fields.otp === SANDBOX_OTP ? undefined : 'e10004'
  },
  fetch: async ({ fields, today }): Promise<SourceResult> => {
    // The PIN screen came before (checkStep 0); the flow keeps no PIN, only the user name.
    if (!loginOf(fields.username ?? '')) return { ok: false, error: 'e10000' }
    const error = sandboxBank.checkStep?.(1, fields)
    if (error) return { ok: false, error }
    const accounts = sandboxAccounts(fields.username ?? '', today)
    return accounts ? { ok: true, accounts } : { ok: false, error: 'e10000' }
  },
}
