/**
 * The hosted page's screens as a pure state machine: consent → account type (skipped when the
 * caller gave `accountTypes`) → data source → login and one-time code (sandbox bank) or upload
 * (statements) → account selection. Selecting accounts or cancelling ends the flow; that is done
 * by the page (flow.ts), not here. Errors are shown once, on the screen they belong to.
 */
import type { HostedAccountType, HostedSession } from '../app/hosted-flow.ts'
import type { MessageKey } from './i18n.ts'

export type Step = 'consent' | 'account-type' | 'source' | 'login' | 'otp' | 'upload' | 'select'
export type SourceChoice = 'sandbox' | 'upload'

export interface FlowState {
  step: Step
  /** The kinds of account the user chose (or the caller imposed). */
  accountTypes?: HostedAccountType[]
  source?: SourceChoice
  /** The sandbox user name between the PIN and the one-time code screens. */
  username?: string
  /** A message for the current screen, shown once. */
  error?: MessageKey
  /** A file name the error names (the user's own file). */
  errorFile?: string
}

export type FlowEvent =
  | { type: 'accept' }
  | { type: 'choose-types'; types: HostedAccountType[] }
  | { type: 'choose-source'; source: SourceChoice }
  | { type: 'login-ok'; username: string }
  | { type: 'otp-ok' }
  | { type: 'uploaded' }
  | { type: 'back' }
  /** The screen's input was refused: stay, show `error`. */
  | { type: 'refused'; error: MessageKey; file?: string }

type Session = Pick<HostedSession, 'accountTypes'>

export const initialState = (session: Session): FlowState => ({
  step: 'consent',
  ...(session.accountTypes && { accountTypes: [...session.accountTypes] }),
})

const afterConsent = (session: Session): Step =>
  session.accountTypes && session.accountTypes.length > 0 ? 'source' : 'account-type'

const previous = (state: FlowState, session: Session): Step => {
  switch (state.step) {
    case 'consent':
    case 'account-type':
      return 'consent'
    case 'source':
      return afterConsent(session) === 'source' ? 'consent' : 'account-type'
    case 'login':
    case 'upload':
    case 'select':
      return 'source'
    case 'otp':
      return 'login'
  }
}

const withoutUsername = (state: FlowState): FlowState => {
  const copy = { ...state }
  delete copy.username
  return copy
}

/** The next state; an event that does not belong to the current screen changes nothing. */
export const transition = (state: FlowState, session: Session, event: FlowEvent): FlowState => {
  const base: FlowState = {
    step: state.step,
    ...(state.accountTypes && { accountTypes: state.accountTypes }),
    ...(state.source && { source: state.source }),
    ...(state.username !== undefined && { username: state.username }),
  }
  const go = (step: Step, extra: Partial<FlowState> = {}): FlowState => ({
    ...base,
    ...extra,
    step,
  })
  switch (event.type) {
    case 'refused':
      return {
        ...base,
        error: event.error,
        ...(event.file !== undefined && { errorFile: event.file }),
      }
    case 'back':
      return withoutUsername({ ...base, step: previous(state, session) })
    case 'accept':
      return state.step === 'consent' ? go(afterConsent(session)) : base
    case 'choose-types':
      return state.step === 'account-type' ? go('source', { accountTypes: event.types }) : base
    case 'choose-source':
      return state.step === 'source'
        ? go(event.source === 'sandbox' ? 'login' : 'upload', { source: event.source })
        : base
    case 'login-ok':
      return state.step === 'login' ? go('otp', { username: event.username }) : base
    case 'otp-ok':
      return state.step === 'otp' ? withoutUsername({ ...base, step: 'select' }) : base
    case 'uploaded':
      return state.step === 'upload' ? go('select') : base
  }
}

/** The screens this session shows, in order (for "step n of m"). */
export const stepsOf = (session: Session, source: SourceChoice | undefined): Step[] => [
  'consent',
  ...(afterConsent(session) === 'account-type' ? (['account-type'] as const) : []),
  'source',
  ...(source === 'upload' ? (['upload'] as const) : (['login', 'otp'] as const)),
  'select',
]

/** Reads a stored state back, trusting nothing. */
export const readState = (value: Record<string, unknown>, session: Session): FlowState => {
  const steps: readonly Step[] = [
    'consent',
    'account-type',
    'source',
    'login',
    'otp',
    'upload',
    'select',
  ]
  const step = steps.find((s) => s === value.step)
  if (step === undefined) return initialState(session)
  // The state is only ever written by `transition` (through flow.ts); its fields keep their types.
  return value as unknown as FlowState
}
