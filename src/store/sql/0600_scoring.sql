-- The scoring API v1 (numbers 0600–0699): secret keys, decision policies, its customers, SEPA
-- details and scorings. A scoring's customer is also a domain customer (customers.id), whose
-- analyses the scoring reads and whose webhooks it sends.

create table scoring_keys (
  -- sha-256 (hex) of the stest_/sprod_ key: the key itself is shown once and never stored
  key_hash text primary key,
  project_id text not null references projects (id) on delete cascade,
  live_mode boolean not null,
  created_at timestamptz not null default now()
);
create index scoring_keys_project on scoring_keys (project_id, live_mode);

create table scoring_policies (
  project_id text primary key references projects (id) on delete cascade,
  policy jsonb not null,
  updated_at timestamptz not null
);

create table scoring_customers (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  live_mode boolean not null,
  customer_id text not null references customers (id) on delete cascade,
  email text not null,
  mobile text,
  name text,
  created_at timestamptz not null
);
create index scoring_customers_project on scoring_customers (project_id, live_mode);

create table scoring_sepa (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  live_mode boolean not null,
  iban text not null,
  name text not null,
  bic text,
  created_at timestamptz not null
);

create table scorings (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  live_mode boolean not null,
  scoring_customer_id text not null references scoring_customers (id) on delete cascade,
  sepa_id text references scoring_sepa (id) on delete set null,
  amount integer not null,
  upfront integer not null,
  currency text not null,
  duration integer not null,
  return_url text not null,
  -- the hosted page link of this scoring (`/widget?token=…`): redirect_url is the public URL + it
  redirect_path text not null,
  status text not null
    check (status in ('requested', 'attempted', 'scored', 'declined', 'failed', 'expired')),
  score integer,
  analysis_id text,
  error jsonb,
  -- affordability, reasons and decision, as served
  result jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  expires_at timestamptz not null
);
create index scorings_analysis on scorings (analysis_id);
create index scorings_open on scorings (expires_at) where status in ('requested', 'attempted');

-- webhooks of a scoring carry its id
alter table webhook_events add column scoring_id text;
alter table outbox_events add column scoring_id text;
