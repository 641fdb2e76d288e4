-- Projects (tenants), their API clients, customers, uploaded bank data, analyses and their
-- results, and the outbox of domain events. Everything is keyed by project and customer so that
-- sharding by customer needs no rewrite.

create table projects (
  id text primary key,
  name text not null,
  supported_currencies text[] not null default array['EUR', 'GBP'],
  created_at timestamptz not null default now()
);

create table clients (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  secret_hash text not null,
  created_at timestamptz not null default now()
);

create table refresh_tokens (
  jti text primary key,
  client_id text not null references clients (id) on delete cascade,
  project_id text not null,
  expires_at timestamptz not null,
  used_at timestamptz
);

create table settings (
  key text primary key,
  value text not null
);

create table customers (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  custom_identifier text not null,
  aggregation_details jsonb,
  personal_details jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (project_id, custom_identifier)
);
create index customers_project_created on customers (project_id, created_at, id);

-- One row per distinct account of a customer; `fingerprint` recognises a re-uploaded account.
create table accounts (
  id text primary key,
  project_id text not null,
  customer_id text not null references customers (id) on delete cascade,
  fingerprint text not null,
  data jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (customer_id, fingerprint)
);

-- One row per distinct transaction; a re-uploaded transaction has the same fingerprint.
create table transactions (
  id text primary key,
  account_id text not null references accounts (id) on delete cascade,
  fingerprint text not null,
  data jsonb not null,
  unique (account_id, fingerprint)
);

create table analyses (
  id text primary key,
  project_id text not null,
  customer_id text not null references customers (id) on delete cascade,
  status text not null,
  format text not null,
  parameters jsonb not null,
  source text not null,
  data_origin text not null,
  has_accounts boolean not null default false,
  metadata jsonb,
  credit_insights jsonb,
  scores jsonb,
  error jsonb,
  engine_version text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index analyses_customer_created on analyses (customer_id, created_at, id);

-- The accounts an analysis used (a snapshot in wire shape) and their rebuilt daily balances.
create table analysis_accounts (
  analysis_id text not null references analyses (id) on delete cascade,
  account_id text not null,
  position integer not null,
  data jsonb not null,
  daily_balances jsonb not null,
  primary key (analysis_id, account_id)
);

-- The enriched transactions of an analysis, in wire shape, in a stable order for pagination.
create table analysis_transactions (
  analysis_id text not null references analyses (id) on delete cascade,
  position integer not null,
  account_id text not null,
  data jsonb not null,
  primary key (analysis_id, position)
);
create index analysis_transactions_account on analysis_transactions (analysis_id, account_id, position);

-- Domain events written in the same transaction as the change that caused them; the webhooks
-- module fans them out to subscriptions.
create table outbox_events (
  id bigint generated always as identity primary key,
  project_id text not null,
  customer_id text not null references customers (id) on delete cascade,
  analysis_id text,
  name text not null,
  created_at timestamptz not null default now()
);
create index outbox_events_project on outbox_events (project_id, id);
