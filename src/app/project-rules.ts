/**
 * Project rules: the lender's own categorisation rules. Created over the API (`POST /v2/rules`)
 * or by an analyst's correction in the console, listed, deleted; every later analysis of the
 * project runs with the live rules (newest first) and records the set it used.
 */
import { isCategory } from '../engine/model/index.ts'
import {
  PROJECT_RULE_TEXT_MAX,
  labelRootOfDescription,
  patternPieces,
  ruleLabelRoot,
} from '../engine/project-rules.ts'
import { AppError, checkId, unknownEntity } from './errors.ts'
import type { AppDeps } from './ports.ts'
import type { EngineRule, RuleStore, StoredRule } from './rule-ports.ts'

export type RuleDeps = Pick<AppDeps, 'inTransaction' | 'clock' | 'ids'> & { rules: RuleStore }

export interface RuleInput {
  labelRoot?: string | undefined
  pattern?: string | undefined
  category: string
}

// Control characters have no place in a payee name or pattern (and would hide in a listing).
const CONTROL = /\p{Cc}/u

const checkText = (name: string, value: string): string => {
  const text = value.trim()
  if (text === '' || text.length > PROJECT_RULE_TEXT_MAX) {
    throw new AppError('BAD_REQUEST', `${name} must hold 1 to ${PROJECT_RULE_TEXT_MAX} characters`)
  }
  if (CONTROL.test(text))
    throw new AppError('BAD_REQUEST', `${name} must not hold control characters`)
  return text
}

/** Validates a rule; throws BAD_REQUEST / MISSING_PARAM naming the field. */
export const validateRule = (
  input: RuleInput,
): { labelRoot: string | null; pattern: string | null; category: StoredRule['category'] } => {
  if (!isCategory(input.category)) {
    throw new AppError('BAD_REQUEST', 'category must be a transaction category of the reference')
  }
  if ((input.labelRoot === undefined) === (input.pattern === undefined)) {
    throw new AppError(
      input.labelRoot === undefined ? 'MISSING_PARAM' : 'BAD_REQUEST',
      'exactly one of labelRoot and pattern is required',
    )
  }
  if (input.labelRoot !== undefined) {
    const labelRoot = checkText('labelRoot', input.labelRoot)
    if (ruleLabelRoot(labelRoot) === '') {
      throw new AppError(
        'BAD_REQUEST',
        'labelRoot names no payee once numbers and dates are left out',
      )
    }
    return { labelRoot, pattern: null, category: input.category }
  }
  const pattern = checkText('pattern', input.pattern ?? '')
  if (patternPieces(pattern).length === 0) {
    throw new AppError('BAD_REQUEST', 'pattern must hold some text besides *')
  }
  return { labelRoot: null, pattern, category: input.category }
}

export const createRule = async (
  deps: RuleDeps,
  projectId: string,
  input: RuleInput,
  createdBy: string,
): Promise<StoredRule> => {
  const valid = validateRule(input)
  const rule: StoredRule = {
    id: deps.ids.next(),
    projectId,
    ...valid,
    createdBy,
    createdAt: deps.clock.now(),
  }
  await deps.inTransaction((tx) => deps.rules.insert(tx, rule))
  return rule
}

export const listRules = (deps: RuleDeps, projectId: string): Promise<StoredRule[]> =>
  deps.rules.listLive(projectId)

export const deleteRule = async (
  deps: RuleDeps,
  projectId: string,
  id: string,
  deletedBy: string,
): Promise<void> => {
  checkId(id, 'Rule')
  const removed = await deps.inTransaction((tx) =>
    deps.rules.remove(tx, projectId, id, deletedBy, deps.clock.now()),
  )
  if (!removed) throw unknownEntity('Rule')
}

/** The rules as the engine takes them (and as an analysis records them), in the given order. */
export const engineRulesOf = (rules: readonly StoredRule[]): EngineRule[] =>
  rules.map((rule) => ({
    id: rule.id,
    category: rule.category,
    ...(rule.labelRoot !== null ? { labelRoot: rule.labelRoot } : { pattern: rule.pattern ?? '' }),
  }))

/**
 * The rule a correction of one transaction makes: its payee's label root ("every transaction of
 * this payee"), or its description as a pattern (transactions with that description).
 */
export const correctionRule = (
  description: string,
  category: string,
  everyTransactionOfPayee: boolean,
): RuleInput => {
  if (everyTransactionOfPayee) {
    const root = labelRootOfDescription(description)
    if (root !== '') return { labelRoot: root, category }
  }
  // `*` is the pattern's wildcard: a literal star in a description reads as one, harmlessly.
  return { pattern: description.replace(CONTROL, ' ').slice(0, PROJECT_RULE_TEXT_MAX), category }
}
