/** The project's decision policy (GET/PUT /v2/policy): the default until the project sets one. */
import type { DecisionPolicy } from '../../engine/scoring/decision-policy.ts'
import { DEFAULT_POLICY, policyProblems } from '../../engine/scoring/decision-policy.ts'
import { badRequest } from '../errors.ts'
import type { AppDeps } from '../ports.ts'
import type { ScoringStore } from './ports.ts'

type PolicyDeps = Pick<AppDeps, 'inTransaction' | 'clock'> & {
  scorings: Pick<ScoringStore, 'findPolicy' | 'savePolicy'>
}

export const getPolicy = async (deps: PolicyDeps, projectId: string): Promise<DecisionPolicy> =>
  (await deps.scorings.findPolicy(projectId)) ?? DEFAULT_POLICY

/** Replaces the project's policy (the HTTP schema checked its shape); answers it. */
export const putPolicy = async (
  deps: PolicyDeps,
  projectId: string,
  policy: DecisionPolicy,
): Promise<DecisionPolicy> => {
  const problem = policyProblems(policy)[0]
  if (problem !== undefined) throw badRequest(problem)
  await deps.inTransaction((tx) =>
    deps.scorings.savePolicy(tx, projectId, policy, deps.clock.now()),
  )
  return policy
}
