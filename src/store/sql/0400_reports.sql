-- Report API (numbers 0400+): one report = one hidden customer (its uploaded accounts) and one
-- analysis, plus the report's own envelope and result. Hidden customers never appear in the
-- analyses API. A report past its retention keeps only this row, as a tombstone that answers
-- 410 GONE: the customer (and with it every account, transaction, analysis and event) is deleted.
alter table customers add column hidden boolean not null default false;

create table reports (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  customer_id text references customers (id) on delete set null,
  status text not null check (status in ('uploaded', 'queued', 'processing', 'completed', 'failed', 'gone')),
  -- the envelope each analysed account mirrors (account number, bank, holders, period, balances)
  accounts_meta jsonb not null,
  -- input warnings (balances and turnovers that do not reconcile), served with the result
  warnings jsonb not null,
  -- the PUT body as read: country, operations, params, use_webhook
  request jsonb,
  -- json, not jsonb: served as stored, keys in the order the vendor documents them
  result json,
  errors jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  expires_at timestamptz not null
);
create index reports_expiry on reports (expires_at) where status <> 'gone';
