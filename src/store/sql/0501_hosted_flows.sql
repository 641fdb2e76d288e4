-- Hosted data-sharing sessions (src/hosted): one row per link a caller (risk report, scoring)
-- created. `available_accounts` holds the bank data fetched during the flow (sandbox login or
-- uploaded statements) and is cleared when the flow ends; the page token is kept hashed.
create table hosted_flows (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  kind text not null,
  reference text not null,
  live_mode boolean not null,
  options jsonb not null,
  state jsonb not null,
  available_accounts jsonb,
  page_token_hash text,
  page_expires_at timestamptz,
  link_expires_at timestamptz not null,
  status text not null,
  redirect_to text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  ended_at timestamptz
);
create index hosted_flows_project on hosted_flows (project_id, created_at);
