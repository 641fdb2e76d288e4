-- Risk report flows (src/app/risk-report): the widget link's parameters, the hidden customer
-- and analysis behind the report, and the OAuth grant of the lender that received the code.
create table risk_report_flows (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  client_id text not null,
  access text not null,
  user_id text,
  parameters jsonb not null,
  customer_id text,
  analysis_id text,
  status text not null,
  ended_at timestamptz,
  data_expires_at timestamptz,
  created_at timestamptz not null
);
create index risk_report_flows_expiry on risk_report_flows (data_expires_at)
  where data_expires_at is not null;

-- The customer behind each user_id of ongoing flows: connections of one user accumulate there.
create table risk_report_users (
  project_id text not null references projects (id) on delete cascade,
  user_id text not null,
  customer_id text not null,
  primary key (project_id, user_id)
);

-- Codes, access and refresh tokens, stored as SHA-256 hashes; a grant is the chain started by
-- one code. Revoking a grant kills every token of it.
create table risk_report_grants (
  id text primary key,
  flow_id text not null references risk_report_flows (id) on delete cascade,
  project_id text not null,
  client_id text not null,
  revoked_at timestamptz,
  created_at timestamptz not null
);

create table risk_report_tokens (
  hash text primary key,
  kind text not null,
  flow_id text not null references risk_report_flows (id) on delete cascade,
  project_id text not null,
  client_id text not null,
  grant_id text,
  redirect_uri text,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index risk_report_tokens_grant on risk_report_tokens (grant_id);
