-- The enriched transactions of an analysis in chunks of a few dozen, each packed on its own
-- (docs/decisions/bounded-customer-data.md): a page of transactions reads the one or two chunks
-- it overlaps, never the whole account. `start_index` is the position of the chunk's first
-- transaction among all the analysis's transactions (accounts in their position order),
-- `account_index` its position within its account. Analyses completed before this migration
-- keep their per-account text in `analysis_accounts.transactions` and are read from there.
create table analysis_transaction_chunks (
  analysis_id text not null references analyses (id) on delete cascade,
  account_id text not null,
  start_index integer not null,
  account_index integer not null,
  count integer not null,
  body text not null,
  primary key (analysis_id, start_index)
);
create index analysis_transaction_chunks_account
  on analysis_transaction_chunks (analysis_id, account_id, account_index);
-- Packed already: keep pglz away from it, as for the other results.
alter table analysis_transaction_chunks alter column body set storage external;

-- An analysis reads its input account by account in slices of transactions by id (keyset), so
-- that each query is short, even on the embedded database that runs on the event loop.
create index transactions_account_id on transactions (account_id, id);
