/**
 * The hosted page's sessions: creating them for callers (`HostedFlows`), opening a link, checking
 * the page token, and moving a flow through its screens (machine.ts) with the data sources
 * (sources/). Pages and forms are in plugin.ts; nothing here knows HTTP.
 *
 * Tokens: the link carries a JWT (HS256, `fid` = flow id, short-lived) that is exchanged once
 * opened for a page token: 32 random bytes in an HttpOnly cookie, kept hashed on the flow,
 * valid `PAGE_SECONDS` after the last request. Bank data never travels in URLs.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type {
  CreatedHostedSession,
  HostedAccountType,
  HostedCaller,
  HostedCallerKind,
  HostedFlows,
  HostedSession,
  HostedSessionOptions,
  HostedSourceId,
} from '../app/hosted-flow.ts'
import type { HostedFlowRecord, HostedFlowStore } from '../app/hosted-store.ts'
import type { Clock } from '../app/ports.ts'
import type { Account } from '../engine/model/index.ts'
import {
  initialState,
  readState,
  transition,
  type FlowEvent,
  type FlowState,
  type SourceChoice,
} from './machine.ts'
import { DATA_SOURCES, type SourceFile } from './sources/index.ts'

/** Why one hour: the vendor's widget links live about as long as the code they lead to. */
export const DEFAULT_LINK_SECONDS = 3600
/** Why 30 minutes: long enough to find one's statements, short enough for a shared computer. */
export const PAGE_SECONDS = 30 * 60
const ISSUER = 'creditlens-hosted'

export interface HostedDeps {
  store: HostedFlowStore
  clock: Clock
  /** HS256 key of the link tokens. */
  key: Uint8Array
}

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url')

const ACCOUNT_TYPES_OF: Readonly<Record<HostedAccountType, readonly string[]>> = {
  'Giro account': ['CHECKING'],
  'Savings account': ['SAVINGS'],
  'Credit card': ['CREDIT_CARD'],
}

/** Accounts of the chosen kinds (all when none chosen). */
export const accountsOfTypes = (
  accounts: readonly Account[],
  types: readonly HostedAccountType[] | undefined,
): Account[] => {
  if (!types || types.length === 0) return [...accounts]
  const allowed = new Set(types.flatMap((type) => ACCOUNT_TYPES_OF[type]))
  return accounts.filter((account) => allowed.has(account.type))
}

const sameAccountId = (account: Account, id: string): boolean => {
  const norm = (value: string | undefined) => (value ?? '').replace(/\s+/g, '').toUpperCase()
  const wanted = norm(id)
  return wanted !== '' && (norm(account.iban) === wanted || norm(account.number) === wanted)
}

/** Whether the caller preselected this account (by IBAN or number). */
export const isPreselected = (session: HostedSession, account: Account): boolean =>
  session.preselectedAccounts.some((entry) => sameAccountId(account, entry.id))

export type PageOutcome = { kind: 'show' } | { kind: 'redirect'; url: string } | { kind: 'expired' }

export interface PageAction {
  action: 'continue' | 'back' | 'cancel'
  fields: Readonly<Record<string, string | string[]>>
  files: readonly SourceFile[]
}

export interface HostedService extends HostedFlows {
  /** A link's token → the flow and a fresh page token; undefined when invalid or ended. */
  open(linkToken: string): Promise<{ flowId: string; pageToken: string } | undefined>
  /** The flow when `pageToken` is its live page token (its expiry slides); else undefined. */
  authorise(flowId: string, pageToken: string | undefined): Promise<HostedFlowRecord | undefined>
  /** What the current screen shows. */
  view(record: HostedFlowRecord): Promise<FlowView>
  act(record: HostedFlowRecord, action: PageAction): Promise<PageOutcome>
  /** Forgets the error the current screen has just shown. */
  clearError(record: HostedFlowRecord): Promise<void>
}

export interface FlowView {
  state: FlowState
  /** Sources offered in this mode. */
  sources: SourceChoice[]
  /** On the selection screen: the accounts the user may choose from. */
  accounts: {
    id: string
    name: string
    type: string
    iban: string
    balance: string
    checked: boolean
  }[]
}

const maskIban = (iban: string | undefined): string =>
  iban ? `${iban.slice(0, 4)} •••• ${iban.slice(-4)}` : ''

const formatBalance = (account: Account, language: string): string => {
  if (account.balance === null) return ''
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency: account.currency,
    }).format(account.balance / 100)
  } catch {
    return `${(account.balance / 100).toFixed(2)} ${account.currency}`
  }
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

const one = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '')

export const createHostedService = (deps: HostedDeps): HostedService => {
  const callers = new Map<HostedCallerKind, HostedCaller>()
  const { store, clock, key } = deps

  const callerOf = (kind: HostedCallerKind): HostedCaller => {
    const caller = callers.get(kind)
    if (!caller) throw new Error(`no hosted-page caller registered for ${kind}`)
    return caller
  }

  const sourceOf = (choice: SourceChoice | undefined): HostedSourceId =>
    choice === 'sandbox' ? 'SANDBOX_BANK' : 'STATEMENT_UPLOAD'

  const offered = (session: HostedSession): SourceChoice[] =>
    (['sandbox', 'upload'] as const).filter(
      (choice) => !session.liveMode || DATA_SOURCES[sourceOf(choice)].offeredInLiveMode,
    )

  const save = (record: HostedFlowRecord, state: FlowState) =>
    store.update(record.session.id, { state: { ...state } }, clock.now())

  const end = async (
    record: HostedFlowRecord,
    status: 'COMPLETED' | 'CANCELLED',
    hook: () => Promise<string>,
  ): Promise<PageOutcome> => {
    if (!(await store.end(record.session.id, status, clock.now()))) {
      const again = await store.find(record.session.id)
      return again?.redirectTo ? { kind: 'redirect', url: again.redirectTo } : { kind: 'expired' }
    }
    const url = await hook()
    await store.update(record.session.id, { redirectTo: url }, clock.now())
    return { kind: 'redirect', url }
  }

  const refuse = async (
    record: HostedFlowRecord,
    state: FlowState,
    error: Extract<FlowEvent, { type: 'refused' }>['error'],
    file?: string,
  ): Promise<PageOutcome> => {
    await save(
      record,
      transition(state, record.session, {
        type: 'refused',
        error,
        ...(file !== undefined && { file }),
      }),
    )
    return { kind: 'show' }
  }

  const step = async (record: HostedFlowRecord, state: FlowState, event: FlowEvent) => {
    await save(record, transition(state, record.session, event))
    return { kind: 'show' } as const
  }

  const today = (): string => clock.now().toISOString().slice(0, 10)

  const proceed = async (
    record: HostedFlowRecord,
    state: FlowState,
    fields: PageAction['fields'],
    files: readonly SourceFile[],
  ): Promise<PageOutcome> => {
    const { session } = record
    switch (state.step) {
      case 'consent':
        return one(fields.consent) === 'yes'
          ? step(record, state, { type: 'accept' })
          : refuse(record, state, 'eConsent')
      case 'account-type': {
        const types = list(fields.types).filter((type): type is HostedAccountType =>
          (Object.keys(ACCOUNT_TYPES_OF) as string[]).includes(type),
        )
        return types.length > 0
          ? step(record, state, { type: 'choose-types', types })
          : refuse(record, state, 'eTypes')
      }
      case 'source': {
        const choice = offered(session).find((source) => source === one(fields.source))
        return choice
          ? step(record, state, { type: 'choose-source', source: choice })
          : refuse(record, state, 'eSource')
      }
      case 'login': {
        const username = one(fields.username).trim()
        const pin = one(fields.pin)
        if (username === '' || pin === '') return refuse(record, state, 'eFields')
        const error = DATA_SOURCES.SANDBOX_BANK.checkStep?.(0, { username, pin })
        if (error) return refuse(record, state, error)
        return step(record, state, { type: 'login-ok', username })
      }
      case 'otp': {
        if (session.liveMode) return refuse(record, state, 'e10006')
        const otp = one(fields.otp).trim()
        if (otp === '') return refuse(record, state, 'eFields')
        const result = await DATA_SOURCES.SANDBOX_BANK.fetch({
          fields: { username: state.username ?? '', otp },
          files: [],
          today: today(),
        })
        if (!result.ok) return refuse(record, state, result.error)
        await store.update(session.id, { availableAccounts: result.accounts }, clock.now())
        return step(record, state, { type: 'otp-ok' })
      }
      case 'upload': {
        const result = await DATA_SOURCES.STATEMENT_UPLOAD.fetch({
          fields: {},
          files,
          today: today(),
        })
        if (!result.ok) return refuse(record, state, result.error, result.file)
        await store.update(session.id, { availableAccounts: result.accounts }, clock.now())
        return step(record, state, { type: 'uploaded' })
      }
      case 'select': {
        const available = accountsOfTypes(
          await store.availableAccounts(session.id),
          state.accountTypes,
        )
        const chosen = new Set(list(fields.accounts))
        const selected = available.filter((account) => chosen.has(account.id))
        if (selected.length === 0) return refuse(record, state, 'eSelectNone')
        if (!session.allowMultiSelection && selected.length > 1) {
          return refuse(record, state, 'eSelectOne')
        }
        const source = sourceOf(state.source)
        return end(record, 'COMPLETED', () =>
          callerOf(session.kind).complete({ session, accounts: selected, source }),
        )
      }
    }
  }

  return {
    registerCaller: (caller) => {
      callers.set(caller.kind, caller)
    },

    createSession: async (options: HostedSessionOptions): Promise<CreatedHostedSession> => {
      const now = clock.now()
      const id = options.id ?? randomUUID()
      const seconds = options.linkSeconds ?? DEFAULT_LINK_SECONDS
      const expiresAt = new Date(now.getTime() + seconds * 1000)
      const session: HostedSession = {
        id,
        kind: options.kind,
        reference: options.reference,
        projectId: options.projectId,
        liveMode: options.liveMode,
        lenderName: options.lenderName,
        language: options.language,
        redirectTarget: options.redirectTarget,
        ...(options.name !== undefined && { name: options.name }),
        preselectedAccounts: [...(options.preselectedAccounts ?? [])],
        allowMultiSelection: options.allowMultiSelection ?? true,
        ...(options.accountTypes &&
          options.accountTypes.length > 0 && { accountTypes: [...options.accountTypes] }),
        createdAt: now,
      }
      await store.insert(
        {
          session,
          state: { ...initialState(session) },
          status: 'OPEN',
          pageTokenHash: null,
          pageExpiresAt: null,
          linkExpiresAt: expiresAt,
          redirectTo: null,
          endedAt: null,
        },
        now,
      )
      const nowSeconds = Math.floor(now.getTime() / 1000)
      const token = await new SignJWT({ fid: id })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setJti(randomUUID())
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + seconds)
        .sign(key)
      return { id, path: `/widget?token=${token}`, expiresAt }
    },

    open: async (linkToken) => {
      let flowId: string
      try {
        const { payload } = await jwtVerify(linkToken, key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: clock.now(),
          requiredClaims: ['exp', 'fid'],
        })
        if (typeof payload.fid !== 'string') return undefined
        flowId = payload.fid
      } catch {
        return undefined
      }
      const record = await store.find(flowId)
      if (!record || record.status !== 'OPEN') return undefined
      const pageToken = randomBytes(32).toString('base64url')
      const now = clock.now()
      const first = record.pageTokenHash === null
      await store.update(
        flowId,
        {
          pageTokenHash: hash(pageToken),
          pageExpiresAt: new Date(now.getTime() + PAGE_SECONDS * 1000),
        },
        now,
      )
      if (first) await callers.get(record.session.kind)?.opened?.(record.session)
      return { flowId, pageToken }
    },

    authorise: async (flowId, pageToken) => {
      if (pageToken === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(flowId)) return undefined
      const record = await store.find(flowId)
      if (!record?.pageTokenHash || !record.pageExpiresAt) return undefined
      const given = Buffer.from(hash(pageToken))
      const kept = Buffer.from(record.pageTokenHash)
      if (given.length !== kept.length || !timingSafeEqual(given, kept)) return undefined
      const now = clock.now()
      if (record.pageExpiresAt.getTime() <= now.getTime()) return undefined
      if (record.status === 'OPEN') {
        const pageExpiresAt = new Date(now.getTime() + PAGE_SECONDS * 1000)
        await store.update(flowId, { pageExpiresAt }, now)
      }
      return record
    },

    view: async (record) => {
      const state = readState(record.state, record.session)
      const accounts =
        state.step === 'select'
          ? accountsOfTypes(await store.availableAccounts(record.session.id), state.accountTypes)
          : []
      const preselected = accounts.filter((account) => isPreselected(record.session, account))
      const checkedIds = new Set(
        (preselected.length > 0 || record.session.allowMultiSelection
          ? preselected
          : accounts.slice(0, 1)
        ).map((account) => account.id),
      )
      return {
        state,
        sources: offered(record.session),
        accounts: accounts.map((account) => ({
          id: account.id,
          name: account.name ?? '',
          type: account.type,
          iban: maskIban(account.iban ?? account.number),
          balance: formatBalance(account, record.session.language),
          checked: checkedIds.has(account.id),
        })),
      }
    },

    clearError: async (record) => {
      const state = { ...readState(record.state, record.session) }
      delete state.error
      delete state.errorFile
      await save(record, state)
    },

    act: async (record, { action, fields, files }) => {
      if (record.status !== 'OPEN') {
        return record.redirectTo
          ? { kind: 'redirect', url: record.redirectTo }
          : { kind: 'expired' }
      }
      const state = readState(record.state, record.session)
      if (action === 'cancel') {
        return end(record, 'CANCELLED', () => callerOf(record.session.kind).cancel(record.session))
      }
      if (action === 'back') return step(record, state, { type: 'back' })
      return proceed(record, state, fields, files)
    },
  }
}
