/**
 * A lender's decision policy: data, not code. Thresholds on the 0–100 affordability score and
 * hard rules on the file turn a scoring into APPROVE, REFER (a person looks) or DECLINE, with
 * the rules that fired. Each project keeps its own policy (GET/PUT /v2/policy); the default one
 * below applies until it sets one. Pure.
 */
import type { Affordability } from './affordability.ts'
import type { RiskFacts } from './affordability-input.ts'

export type Decision = 'APPROVE' | 'REFER' | 'DECLINE'
/** What a hard rule does when it fires. */
export type RuleOutcome = 'REFER' | 'DECLINE'

export interface DecisionPolicy {
  /** Nominal annual interest rate of the project's credits, in percent (instalments use it). */
  annualRatePercent: number
  /** Score at or above which a file is approved (unless a hard rule fires). */
  approveFrom: number
  /** Score at or above which a file is referred; below it, declined. At most `approveFrom`. */
  referFrom: number
  rules: {
    /** Gambling above this share of income (0.1 = 10 %). */
    gamblingShare?: { above: number; outcome: RuleOutcome }
    /** Any account seizure in the period. */
    accountSeizure?: { outcome: RuleOutcome }
    /** More than `above` payment or cheque rejections in the last 90 days. */
    recentRejections?: { above: number; outcome: RuleOutcome }
    /** Debt-to-income after the new credit above this ratio (0.35 = 35 %). */
    debtToIncomeAfter?: { above: number; outcome: RuleOutcome }
  }
}

/** Stable ids of what can fire, as `firedRules[].id` carries them. */
export const POLICY_RULE_IDS = [
  'SCORE_BELOW_APPROVE',
  'SCORE_BELOW_REFER',
  'GAMBLING_SHARE',
  'ACCOUNT_SEIZURE',
  'RECENT_REJECTIONS',
  'DEBT_TO_INCOME_AFTER',
] as const
export type PolicyRuleId = (typeof POLICY_RULE_IDS)[number]

export interface FiredRule {
  id: PolicyRuleId
  outcome: RuleOutcome
  /** The figure that fired it (null: a ratio without income) and the limit it crossed. */
  value: number | null
  limit: number
}

export interface DecisionResult {
  decision: Decision
  firedRules: FiredRule[]
}

/**
 * The policy a project has until it sets its own: approve from 60, refer from 40 (the middle of
 * the scale is a file with no strong signal either way); a seizure declines, and so does a debt
 * load above half of income once the credit is added; gambling above 10 % of income or more
 * than one rejection in 90 days asks for a person.
 */
export const DEFAULT_POLICY: DecisionPolicy = {
  annualRatePercent: 0,
  approveFrom: 60,
  referFrom: 40,
  rules: {
    gamblingShare: { above: 0.1, outcome: 'REFER' },
    accountSeizure: { outcome: 'DECLINE' },
    recentRejections: { above: 1, outcome: 'REFER' },
    debtToIncomeAfter: { above: 0.5, outcome: 'DECLINE' },
  },
}

const SEVERITY: Record<Decision, number> = { APPROVE: 0, REFER: 1, DECLINE: 2 }

/** Problems that make a policy unusable, in words; empty when it is fine. */
export const policyProblems = (policy: DecisionPolicy): string[] => {
  const problems: string[] = []
  if (policy.referFrom > policy.approveFrom) {
    problems.push('referFrom must not be above approveFrom')
  }
  return problems
}

/**
 * The decision on a file: the worst outcome among the score thresholds and the hard rules that
 * fire, with every rule that fired (thresholds first, then rules in the policy's order).
 */
export const decide = (
  policy: DecisionPolicy,
  affordability: Pick<Affordability, 'score' | 'debtToIncomeAfter'>,
  facts: RiskFacts,
): DecisionResult => {
  const fired: FiredRule[] = []
  const { score } = affordability
  if (score < policy.referFrom) {
    fired.push({
      id: 'SCORE_BELOW_REFER',
      outcome: 'DECLINE',
      value: score,
      limit: policy.referFrom,
    })
  } else if (score < policy.approveFrom) {
    fired.push({
      id: 'SCORE_BELOW_APPROVE',
      outcome: 'REFER',
      value: score,
      limit: policy.approveFrom,
    })
  }
  const { rules } = policy
  if (rules.gamblingShare && facts.gamblingShare > rules.gamblingShare.above) {
    fired.push({
      id: 'GAMBLING_SHARE',
      outcome: rules.gamblingShare.outcome,
      value: facts.gamblingShare,
      limit: rules.gamblingShare.above,
    })
  }
  if (rules.accountSeizure && facts.seizures > 0) {
    fired.push({
      id: 'ACCOUNT_SEIZURE',
      outcome: rules.accountSeizure.outcome,
      value: facts.seizures,
      limit: 0,
    })
  }
  if (rules.recentRejections && facts.recentRejections > rules.recentRejections.above) {
    fired.push({
      id: 'RECENT_REJECTIONS',
      outcome: rules.recentRejections.outcome,
      value: facts.recentRejections,
      limit: rules.recentRejections.above,
    })
  }
  // Without income the ratio is unbounded: the rule fires.
  const dti = affordability.debtToIncomeAfter ?? Infinity
  if (rules.debtToIncomeAfter && dti > rules.debtToIncomeAfter.above) {
    fired.push({
      id: 'DEBT_TO_INCOME_AFTER',
      outcome: rules.debtToIncomeAfter.outcome,
      value: Number.isFinite(dti) ? dti : null,
      limit: rules.debtToIncomeAfter.above,
    })
  }
  const decision = fired.reduce<Decision>(
    (worst, rule) => (SEVERITY[rule.outcome] > SEVERITY[worst] ? rule.outcome : worst),
    'APPROVE',
  )
  return { decision, firedRules: fired }
}
