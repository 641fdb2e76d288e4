-- Webhooks: the subscriptions of a project, one event per subscription and domain event, and
-- every delivery attempt. Numbers 0100+ belong to the webhooks module.

create table webhook_subscriptions (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  -- as the client spelled it: aggregation_link_required is kept apart from aggregator_link_required
  event_name text not null,
  target text not null,
  secret text not null,
  status text not null check (status in ('ACTIVE', 'INACTIVE', 'DISABLED')),
  signature_encoding text not null check (signature_encoding in ('JSON', 'ESCAPED_UNICODE')),
  -- index of the latest event; the fan-out gives the next one last_index + 1 under the row lock
  last_index integer not null default 0,
  -- FAILED events since the last DELIVERED one: DISABLED when it reaches the configured limit
  consecutive_failures integer not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index webhook_subscriptions_project on webhook_subscriptions (project_id, event_name, created_at);

create table webhook_events (
  id text primary key,
  subscription_id text not null references webhook_subscriptions (id) on delete cascade,
  project_id text not null,
  customer_id text not null references customers (id) on delete cascade,
  analysis_id text,
  idx integer not null,
  emitted_at timestamptz not null,
  -- the reference's statuses: [{ "name": "IN_PROGRESS", "createdAt": "…" }, …], appended only
  statuses jsonb not null,
  delivery_status text not null check (delivery_status in ('PENDING', 'DELIVERED', 'FAILED')),
  -- attempts in the current round (a redelivery starts a new one) and since the event exists
  round_attempts integer not null default 0,
  total_attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  -- the lease of the attempt in flight, if any
  claim_token text,
  claimed_until timestamptz,
  updated_at timestamptz not null,
  unique (subscription_id, idx)
);
-- one subscription's events of one customer, in order: the delivery order
create index webhook_events_stream on webhook_events (subscription_id, customer_id, idx);
create index webhook_events_due on webhook_events (next_attempt_at) where delivery_status = 'PENDING';

create table webhook_attempts (
  id bigint generated always as identity primary key,
  event_id text not null references webhook_events (id) on delete cascade,
  attempt integer not null,
  started_at timestamptz not null,
  http_status integer,
  duration_ms integer not null,
  error text
);
create index webhook_attempts_event on webhook_attempts (event_id, id);
