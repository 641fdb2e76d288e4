/**
 * The hosted data-sharing page, seen from its callers (docs/decisions/hosted-page.md). One page,
 * several callers: the risk report flow (`risk-report`) and the scoring API v1 (`scoring`). A
 * caller creates a session with its options and gets the page's path (`/widget?token=…`) to
 * send its end user to; the user shares accounts (sandbox bank in test mode, statement upload in
 * both modes) or cancels; the page then calls the caller's hooks, which store what they need and
 * answer the URL the user is sent back to.
 *
 * @example
 * const { path } = await hosted.createSession({
 *   kind: 'scoring', reference: scoring.id, projectId, liveMode: client.liveMode,
 *   lenderName: project.name, language: 'fr', redirectTarget: scoring.return_url,
 * })
 * reply.send({ redirect_url: `${baseUrl}${path}` })
 * // and once, at start-up:
 * hosted.registerCaller({ kind: 'scoring', complete: async ({ session, accounts }) => …,
 *   cancel: async (session) => `${returnUrl}?scoring=${session.reference}&status=declined` })
 */
import type { Account } from '../engine/model/index.ts'

export type HostedCallerKind = 'risk-report' | 'scoring'
export const HOSTED_CALLER_KINDS: readonly HostedCallerKind[] = ['risk-report', 'scoring']

export type HostedLanguage = 'de' | 'en' | 'es' | 'fr' | 'nl'
export const HOSTED_LANGUAGES: readonly HostedLanguage[] = ['de', 'en', 'es', 'fr', 'nl']

/** Account types the page offers, in the risk report vendor's words. */
export type HostedAccountType = 'Giro account' | 'Savings account' | 'Credit card'
export const HOSTED_ACCOUNT_TYPES: readonly HostedAccountType[] = [
  'Giro account',
  'Savings account',
  'Credit card',
]

/** Where the shared data came from. */
export type HostedSourceId = 'SANDBOX_BANK' | 'STATEMENT_UPLOAD'

export interface HostedSessionOptions {
  kind: HostedCallerKind
  /** The session (flow) id; a new UUID when absent. The risk report uses its flow id. */
  id?: string
  /** The caller's own id for this session (scoring id, risk-report flow id), given back to hooks. */
  reference: string
  projectId: string
  /** The mode of the client credentials: only test mode offers the sandbox bank. */
  liveMode: boolean
  /** Shown on every screen. */
  lenderName: string
  language: HostedLanguage
  /** Where the user goes back to (its host is shown on the consent screen); hooks build the URL. */
  redirectTarget: string
  /** The holder's name as the lender knows it (the caller verifies it; the page never shows it). */
  name?: string
  /** Accounts (IBAN or number) checked in advance on the selection screen. */
  preselectedAccounts?: readonly { id: string; currency?: string }[]
  /** One account only when false; default true. */
  allowMultiSelection?: boolean
  /** Given: the account-type screen is skipped and only these types can be selected. */
  accountTypes?: readonly HostedAccountType[]
  /** Seconds the link (`path`) can be opened; default 3600. */
  linkSeconds?: number
}

export interface HostedSession extends Required<Pick<HostedSessionOptions, 'id'>> {
  kind: HostedCallerKind
  reference: string
  projectId: string
  liveMode: boolean
  lenderName: string
  language: HostedLanguage
  redirectTarget: string
  name?: string
  preselectedAccounts: { id: string; currency?: string }[]
  allowMultiSelection: boolean
  accountTypes?: HostedAccountType[]
  createdAt: Date
}

export interface HostedCompletion {
  session: HostedSession
  /** The accounts the user selected, with their transactions, in the canonical model. */
  accounts: Account[]
  source: HostedSourceId
}

/** What a caller plugs into the page. Hooks run once per session. */
export interface HostedCaller {
  kind: HostedCallerKind
  /** The user shared accounts: store them, launch what must run, answer the URL to go back to. */
  complete(completion: HostedCompletion): Promise<string>
  /** The user cancelled (on any screen): answer the URL to go back to. */
  cancel(session: HostedSession): Promise<string>
  /** The user opened the page (first time only); optional. */
  opened?(session: HostedSession): Promise<void>
}

export interface CreatedHostedSession {
  id: string
  /** `/widget?token=<JWT>`: prefix it with the public base URL (see `hostedPageUrl`). */
  path: string
  /** When the link stops opening. */
  expiresAt: Date
}

/** The page's entry points for callers (`runtime.hosted`). */
export interface HostedFlows {
  createSession(options: HostedSessionOptions): Promise<CreatedHostedSession>
  /** Plugs a caller in; one per kind, at start-up. */
  registerCaller(caller: HostedCaller): void
}

/** `https://lender.example/base` + `/widget?token=…`, without a doubled slash. */
export const hostedPageUrl = (baseUrl: string, path: string): string =>
  `${baseUrl.replace(/\/+$/, '')}${path}`
