/**
 * The scoring as the hosted page's second caller (app/hosted-flow.ts): the page tells it when the
 * customer opens the link, shares accounts (sandbox bank in test mode, statement upload in both)
 * or cancels; the scoring answers where the customer goes back to,
 * `return_url?scoring=<id>&status=<status>`, after waiting a little for the score.
 */
import type { HostedCaller } from '../hosted-flow.ts'
import { AppError } from '../errors.ts'
import type { ScoringDeps } from './ports.ts'
import {
  awaitScoring,
  declineScoring,
  openScoringPage,
  returnUrlOf,
  shareScoringData,
} from './scorings.ts'

export const scoringCaller = (deps: ScoringDeps): HostedCaller => ({
  kind: 'scoring',
  opened: async (session) => {
    await openScoringPage(deps, session.reference)
  },
  complete: async ({ session, accounts, source }) => {
    const scoring = await openScoringPage(deps, session.reference)
    if (!scoring) throw new AppError('UNKNOWN_ENTITY', 'No such scoring')
    // A scoring that ended meanwhile (expired, say) sends the customer back with that status.
    if (scoring.status === 'attempted' && scoring.analysisId === null) {
      await shareScoringData(deps, scoring.id, {
        accounts,
        format: source === 'SANDBOX_BANK' ? 'SANDBOX_BANK' : 'BANK_STATEMENT',
        warnings: [],
        dataOrigin: source === 'SANDBOX_BANK' ? 'OPEN_BANKING' : 'BANK_STATEMENT',
      })
    }
    return returnUrlOf(await awaitScoring(deps, scoring.id))
  },
  cancel: async (session) => returnUrlOf(await declineScoring(deps, session.reference)),
})
