/**
 * The port of project rules (see app/project-rules.ts): stored per project, never updated,
 * deleted softly so that who removed a rule and when stays known.
 */
import type { Category } from '../engine/model/index.ts'
import type { Tx } from './ports.ts'

export interface StoredRule {
  id: string
  projectId: string
  labelRoot: string | null
  pattern: string | null
  category: Category
  /** `client:<clientId>` over the API, `analyst:<email>` from the console. */
  createdBy: string
  createdAt: Date
}

/** A rule as the engine receives it and as an analysis records it. */
export interface EngineRule {
  id: string
  category: Category
  labelRoot?: string
  pattern?: string
}

export interface RuleStore {
  insert(tx: Tx, rule: StoredRule): Promise<void>
  /** The live rules of a project, newest first (the order the engine tries them). */
  listLive(projectId: string): Promise<StoredRule[]>
  /** Marks a live rule deleted; false when the project has no such live rule. */
  remove(tx: Tx, projectId: string, id: string, by: string, now: Date): Promise<boolean>
  /** Records the rule set an analysis ran with (inside the transaction that stores its result). */
  saveRuleSet(tx: Tx, analysisId: string, rules: readonly EngineRule[]): Promise<void>
  /** The rule set recorded for an analysis; undefined when none was recorded. */
  loadRuleSet(analysisId: string): Promise<EngineRule[] | undefined>
}
