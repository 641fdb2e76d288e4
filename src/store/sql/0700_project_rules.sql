-- Project rules: a lender's own categorisation rules (an analyst's correction, or POST /v2/rules),
-- applied by the engine before its built-in rules. A rule is never updated; deleting one keeps
-- the row (who and when) so that past analyses can still say which rules they used.
create table project_rules (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  label_root text,
  pattern text,
  category text not null,
  created_by text not null,
  created_at timestamptz not null,
  deleted_by text,
  deleted_at timestamptz,
  check ((label_root is null) <> (pattern is null))
);
create index project_rules_project on project_rules (project_id, created_at, id);

-- The rule set an analysis ran with, exactly as the engine received it: a replay is exact.
create table analysis_rule_sets (
  analysis_id text primary key references analyses (id) on delete cascade,
  rules jsonb not null
);
