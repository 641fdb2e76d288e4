/**
 * The life of a scoring (v1 scoring API): created `requested`; `attempted` once the customer
 * opens the hosted page; then `scored` (its analysis completed), `failed` (the engine refused
 * the data: `error` carries the refusal code), `declined` (the customer cancelled) or `expired`
 * (nothing shared within `SCORING_EXPIRY_HOURS`). Each final status publishes
 * `scoring_completed` to the project's webhook subscriptions.
 */
import type { Account } from '../../engine/model/index.ts'
import type { InputWarning } from '../analysis-notes.ts'
import { AppError } from '../errors.ts'
import type { Analysis, Customer, Tx } from '../ports.ts'
import { launchWithAccounts } from '../upload.ts'
import { assessAnalysis } from './assess.ts'
import { newVendorId } from './keys.ts'
import type { Scoring, ScoringCustomer, ScoringDeps, ScoringSepa, ScoringStatus } from './ports.ts'

/** Who calls: the project and mode of the secret key. */
export interface ScoringPrincipal {
  projectId: string
  liveMode: boolean
}

/** A create request, already validated at the edge (amounts in minor units). */
export interface CreateScoringInput {
  amount: number
  upfront: number
  currency: string
  duration: number
  returnUrl: string
  customer: string | { email: string; mobile?: string; name?: string }
  sepa?: string | { iban: string; name: string; bic?: string }
}

/** A field the vendor's error shape names (`{"message":{"error","id"}}`). */
export class ScoringFieldError extends AppError {
  readonly field: string

  constructor(code: 'BAD_REQUEST' | 'UNKNOWN_ENTITY', field: string, message: string) {
    super(code, message)
    this.field = field
  }
}

/** `{ firstName, lastName }` from "Pierre Martin": the holder's name for own-account detection. */
const identityOf = (name: string | undefined): Customer['personalDetails'] => {
  const words =
    name
      ?.trim()
      .split(/\s+/)
      .filter((w) => w !== '') ?? []
  if (words.length < 2) return null
  return { identity: { firstName: words[0], lastName: words.slice(1).join(' ') } }
}

const resolveCustomer = async (
  deps: ScoringDeps,
  tx: Tx,
  who: ScoringPrincipal,
  customer: CreateScoringInput['customer'],
  now: Date,
): Promise<ScoringCustomer> => {
  if (typeof customer === 'string') {
    const found = await deps.scorings.findCustomer(who.projectId, customer, tx)
    if (!found || found.liveMode !== who.liveMode) {
      throw new ScoringFieldError('UNKNOWN_ENTITY', 'customer', `No such customer ${customer}`)
    }
    return found
  }
  const id = newVendorId('cust')
  const domain: Customer = {
    id: deps.ids.next(),
    projectId: who.projectId,
    customIdentifier: id,
    aggregationDetails: null,
    personalDetails: identityOf(customer.name),
    createdAt: now,
    updatedAt: now,
  }
  await deps.customers.insert(tx, domain)
  const created: ScoringCustomer = {
    id,
    projectId: who.projectId,
    liveMode: who.liveMode,
    customerId: domain.id,
    email: customer.email,
    mobile: customer.mobile ?? null,
    name: customer.name ?? null,
    createdAt: now,
  }
  await deps.scorings.insertCustomer(tx, created)
  return created
}

const resolveSepa = async (
  deps: ScoringDeps,
  tx: Tx,
  who: ScoringPrincipal,
  sepa: CreateScoringInput['sepa'],
  now: Date,
): Promise<ScoringSepa | null> => {
  if (sepa === undefined) return null
  if (typeof sepa === 'string') {
    const found = await deps.scorings.findSepa(who.projectId, sepa, tx)
    if (!found || found.liveMode !== who.liveMode) {
      throw new ScoringFieldError('UNKNOWN_ENTITY', 'sepa', `No such sepa ${sepa}`)
    }
    return found
  }
  const created: ScoringSepa = {
    id: newVendorId('sepa'),
    projectId: who.projectId,
    liveMode: who.liveMode,
    iban: sepa.iban.replace(/\s+/g, '').toUpperCase(),
    name: sepa.name,
    bic: sepa.bic ?? null,
    createdAt: now,
  }
  await deps.scorings.insertSepa(tx, created)
  return created
}

export const createScoring = async (
  deps: ScoringDeps,
  who: ScoringPrincipal,
  input: CreateScoringInput,
): Promise<Scoring> => {
  const now = deps.clock.now()
  const id = newVendorId('scor')
  const expiresAt = new Date(now.getTime() + deps.scoringSettings.expiryHours * 3_600_000)
  const project = await deps.credentials.findProject(who.projectId)
  // The page's session first (its store is not in our transaction): a scoring that then fails
  // to be stored leaves a link to nothing, which expires.
  const session = await deps.hosted.createSession({
    kind: 'scoring',
    reference: id,
    projectId: who.projectId,
    liveMode: who.liveMode,
    lenderName: project?.name ?? 'creditlens',
    // Stancer's customers are French lenders; the page offers the other languages.
    language: 'fr',
    redirectTarget: input.returnUrl,
    accountTypes: ['Giro account', 'Savings account', 'Credit card'],
    linkSeconds: Math.ceil((expiresAt.getTime() - now.getTime()) / 1000),
  })
  return deps.inTransaction(async (tx) => {
    const customer = await resolveCustomer(deps, tx, who, input.customer, now)
    const sepa = await resolveSepa(deps, tx, who, input.sepa, now)
    const scoring: Scoring = {
      id,
      projectId: who.projectId,
      liveMode: who.liveMode,
      customer,
      sepa,
      amount: input.amount,
      upfront: input.upfront,
      currency: input.currency,
      duration: input.duration,
      returnUrl: input.returnUrl,
      redirectPath: session.path,
      status: 'requested',
      score: null,
      analysisId: null,
      error: null,
      result: null,
      createdAt: now,
      updatedAt: now,
      expiresAt,
    }
    await deps.scorings.insert(tx, {
      ...scoring,
      customerId: customer.id,
      sepaId: sepa?.id ?? null,
    })
    return scoring
  })
}

/** Publishes `scoring_completed` for a scoring that just reached a final status. */
const publishCompleted = (deps: ScoringDeps, tx: Tx, scoring: Scoring): Promise<void> =>
  deps.events.publish(tx, {
    projectId: scoring.projectId,
    customerId: scoring.customer.customerId,
    ...(scoring.analysisId !== null && { analysisId: scoring.analysisId }),
    scoringId: scoring.id,
    name: 'scoring_completed',
  })

/** Moves a scoring to a final status (once) and publishes the event, in one transaction. */
const finish = async (
  deps: ScoringDeps,
  scoring: Scoring,
  from: readonly ScoringStatus[],
  patch: Parameters<ScoringDeps['scorings']['update']>[3] & { status: ScoringStatus },
): Promise<boolean> =>
  deps.inTransaction(async (tx) => {
    const done = await deps.scorings.update(tx, scoring.id, from, patch, deps.clock.now())
    if (done) await publishCompleted(deps, tx, scoring)
    return done
  })

/**
 * Brings a scoring up to date before it is shown: expires it when its time ran out, completes
 * it when its analysis has ended (the job does it too; whichever comes first wins). Answers the
 * scoring as stored afterwards.
 */
const refresh = async (deps: ScoringDeps, scoring: Scoring): Promise<Scoring> => {
  const now = deps.clock.now()
  let changed = false
  if (
    (scoring.status === 'requested' || scoring.status === 'attempted') &&
    scoring.analysisId === null &&
    scoring.expiresAt.getTime() <= now.getTime()
  ) {
    changed = await deps.inTransaction(async (tx) => {
      const expired = await deps.scorings.expire(tx, scoring.id, now)
      if (expired) await publishCompleted(deps, tx, scoring)
      return expired
    })
  } else if (scoring.status === 'attempted' && scoring.analysisId !== null) {
    changed = await completeScoring(deps, scoring.id, scoring)
  }
  if (!changed) return scoring
  return (await deps.scorings.find(scoring.projectId, scoring.id)) ?? scoring
}

/**
 * A scoring as its key may read it: 404 for another project's, and for the other mode's (a live
 * key does not read a test scoring, nor the reverse).
 */
export const getScoring = async (
  deps: ScoringDeps,
  who: ScoringPrincipal,
  id: string,
): Promise<Scoring> => {
  const found = /^scor_[A-Za-z0-9]{24}$/.test(id)
    ? await deps.scorings.find(who.projectId, id)
    : undefined
  if (!found) throw new AppError('UNKNOWN_ENTITY', `No such scoring ${id}`)
  if (found.liveMode !== who.liveMode) {
    const mode = found.liveMode ? 'live' : 'test'
    throw new AppError(
      'UNKNOWN_ENTITY',
      `No such scoring ${id}: it exists in ${mode} mode, and this is a ${mode === 'live' ? 'test' : 'live'} key`,
    )
  }
  return refresh(deps, found)
}

/**
 * Completes a scoring whose analysis has ended: `scored` with the affordability, score and
 * decision of its credit, or `failed` with the engine's refusal. Idempotent (from `attempted`
 * only); whether this call completed it.
 */
export const completeScoring = async (
  deps: ScoringDeps,
  scoringId: string,
  known?: Scoring,
): Promise<boolean> => {
  const scoring = known ?? (await findAnyScoring(deps, scoringId))
  if (!scoring || scoring.status !== 'attempted' || scoring.analysisId === null) return false
  const analysis = await deps.analyses.find(
    scoring.projectId,
    scoring.customer.customerId,
    scoring.analysisId,
  )
  if (!analysis || analysis.status === 'IN_PROGRESS' || analysis.status === 'CREATED') return false
  if (analysis.status === 'ERROR' || analysis.scores === null) {
    return finish(deps, scoring, ['attempted'], {
      status: 'failed',
      error: analysis.error ?? {
        code: 'INTERNAL_ERROR',
        message: 'The analysis gave no score',
      },
    })
  }
  const result = await assessAnalysis(deps, analysis, scoring)
  if (result.affordability.currency !== 'EUR') {
    // A EUR credit against an income in another currency means nothing: the engine's code.
    return finish(deps, scoring, ['attempted'], {
      status: 'failed',
      error: {
        code: 'CURRENCY_NOT_SUPPORTED',
        message: `The scoring is in EUR and the accounts in ${result.affordability.currency}`,
      },
    })
  }
  return finish(deps, scoring, ['attempted'], {
    status: 'scored',
    score: result.affordability.score,
    result,
  })
}

/** The scoring of a job (which knows only its id). */
const findAnyScoring = async (deps: ScoringDeps, id: string): Promise<Scoring | undefined> =>
  deps.scorings.findById(id)

// ---- the hosted page's side (hosted-caller.ts) ------------------------------------------------

/**
 * The scoring the hosted page works for, brought up to date; undefined for an unknown id. The
 * customer is on the page: a `requested` scoring becomes `attempted`.
 */
export const openScoringPage = async (
  deps: ScoringDeps,
  scoringId: string,
): Promise<Scoring | undefined> => {
  const found = await deps.scorings.findById(scoringId)
  if (!found) return undefined
  const scoring = await refresh(deps, found)
  if (scoring.status !== 'requested') return scoring
  await deps.inTransaction((tx) =>
    deps.scorings.update(tx, scoring.id, ['requested'], { status: 'attempted' }, deps.clock.now()),
  )
  return (await deps.scorings.find(scoring.projectId, scoring.id)) ?? scoring
}

/** Data read by the hosted page (an upload or the sandbox bank), ready to store. */
export interface SharedData {
  accounts: readonly Account[]
  format: string
  warnings: readonly InputWarning[]
  dataOrigin: string
}

/**
 * The customer shared their data: it is stored with the scoring's customer and analysed (the
 * analysis job), the scoring waits for it. 403 when the scoring is already over.
 */
export const shareScoringData = async (
  deps: ScoringDeps,
  scoringId: string,
  data: SharedData,
): Promise<Scoring> => {
  const scoring = await openScoringPage(deps, scoringId)
  if (!scoring) throw new AppError('UNKNOWN_ENTITY', 'No such scoring')
  if (scoring.status !== 'attempted' || scoring.analysisId !== null) {
    throw new AppError('FORBIDDEN', `This scoring is ${scoring.status}: nothing more to share`)
  }
  const now = deps.clock.now()
  const analysis: Analysis = {
    id: deps.ids.next(),
    projectId: scoring.projectId,
    customerId: scoring.customer.customerId,
    status: 'IN_PROGRESS',
    format: data.format,
    parameters: {},
    source: 'SCORING',
    dataOrigin: data.dataOrigin,
    createdAt: now,
    updatedAt: now,
    metadata: null,
    creditInsights: null,
    scores: null,
    error: null,
    hasAccounts: true,
  }
  await deps.inTransaction(async (tx) => {
    const claimed = await deps.scorings.update(
      tx,
      scoring.id,
      ['attempted'],
      { analysisId: analysis.id },
      now,
    )
    if (!claimed) throw new AppError('FORBIDDEN', 'This scoring is over: nothing more to share')
    await deps.analyses.insert(tx, analysis)
    await launchWithAccounts(deps, tx, analysis, data)
  })
  return { ...scoring, analysisId: analysis.id }
}

/**
 * Waits (up to `returnWaitMs`) for a scoring that has its data to be completed, so that the
 * customer goes back with the final status; answers the scoring as it then stands.
 */
export const awaitScoring = async (deps: ScoringDeps, scoringId: string): Promise<Scoring> => {
  const deadline = deps.clock.now().getTime() + deps.scoringSettings.returnWaitMs
  for (;;) {
    const found = await deps.scorings.findById(scoringId)
    if (!found) throw new AppError('UNKNOWN_ENTITY', 'No such scoring')
    const scoring = await refresh(deps, found)
    if (scoring.status !== 'attempted' || deps.clock.now().getTime() >= deadline) return scoring
    // 100 ms: a 12-month analysis takes about a second; the customer waits on a form submit.
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The customer cancelled on the hosted page: `declined` (unless the data was already shared). */
export const declineScoring = async (deps: ScoringDeps, scoringId: string): Promise<Scoring> => {
  const scoring = await openScoringPage(deps, scoringId)
  if (!scoring) throw new AppError('UNKNOWN_ENTITY', 'No such scoring')
  if (scoring.analysisId === null) {
    await finish(deps, scoring, ['requested', 'attempted'], { status: 'declined' })
  }
  return (await deps.scorings.find(scoring.projectId, scoring.id)) ?? scoring
}

/** Where the customer goes at the end: `return_url?scoring=<id>&status=<status>`. */
export const returnUrlOf = (scoring: Pick<Scoring, 'id' | 'status' | 'returnUrl'>): string => {
  const url = new URL(scoring.returnUrl)
  url.searchParams.set('scoring', scoring.id)
  url.searchParams.set('status', scoring.status)
  return url.toString()
}
