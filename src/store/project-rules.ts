import type { Category } from '../engine/model/index.ts'
import type { Tx } from '../app/ports.ts'
import type { EngineRule, RuleStore, StoredRule } from '../app/rule-ports.ts'

interface RuleRow {
  id: string
  project_id: string
  label_root: string | null
  pattern: string | null
  category: string
  created_by: string
  created_at: Date
}

const toRule = (row: RuleRow): StoredRule => ({
  id: row.id,
  projectId: row.project_id,
  labelRoot: row.label_root,
  pattern: row.pattern,
  // Written only through `insert`, from a validated category.
  category: row.category as Category,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
})

export const projectRuleStore = (db: Tx): RuleStore => ({
  insert: async (tx, rule) => {
    await tx.query(
      `insert into project_rules (id, project_id, label_root, pattern, category, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        rule.id,
        rule.projectId,
        rule.labelRoot,
        rule.pattern,
        rule.category,
        rule.createdBy,
        rule.createdAt.toISOString(),
      ],
    )
  },

  listLive: async (projectId) => {
    const { rows } = await db.query<RuleRow>(
      `select id, project_id, label_root, pattern, category, created_by, created_at
         from project_rules where project_id = $1 and deleted_at is null
        order by created_at desc, id desc`,
      [projectId],
    )
    return rows.map(toRule)
  },

  remove: async (tx, projectId, id, by, now) => {
    const { rows } = await tx.query(
      `update project_rules set deleted_by = $3, deleted_at = $4
        where project_id = $1 and id = $2 and deleted_at is null returning id`,
      [projectId, id, by, now.toISOString()],
    )
    return rows.length > 0
  },

  saveRuleSet: async (tx, analysisId, rules) => {
    await tx.query(
      `insert into analysis_rule_sets (analysis_id, rules) values ($1, $2::jsonb)
       on conflict (analysis_id) do update set rules = excluded.rules`,
      [analysisId, JSON.stringify(rules)],
    )
  },

  loadRuleSet: async (analysisId) => {
    const { rows } = await db.query<{ rules: EngineRule[] | string }>(
      'select rules from analysis_rule_sets where analysis_id = $1',
      [analysisId],
    )
    const row = rows[0]
    if (!row) return undefined
    // jsonb comes back parsed from pg and PGlite alike; a string only from a text cast.
    return typeof row.rules === 'string' ? (JSON.parse(row.rules) as EngineRule[]) : row.rules
  },
})
