-- Analysis results are written packed (src/store/packed.ts): the credit insights one row per
-- top-level part, the enriched transactions one text per analysed account (one JSON per line).
-- A completion then writes ~0.2 MB instead of ~2.4 MB and 1,000 rows for 1,000 transactions.
-- Existing results move over as plain JSON, which the store reads as it is.

-- The parts of the credit insights, in the engine's key order; null when none were computed.
alter table analyses add column credit_insights_parts text[];

create table analysis_insights (
  analysis_id text not null references analyses (id) on delete cascade,
  position integer not null,
  name text not null,
  body text not null,
  primary key (analysis_id, name)
);
alter table analysis_insights alter column body set storage external;

insert into analysis_insights (analysis_id, position, name, body)
  select a.id, e.n::integer, e.key, e.value::text
    from analyses a, json_each(a.credit_insights) with ordinality as e(key, value, n)
   where a.credit_insights is not null;

update analyses a set credit_insights_parts = coalesce(
    (select array_agg(e.key order by e.n)
       from json_each(a.credit_insights) with ordinality as e(key, value, n)),
    '{}')
 where a.credit_insights is not null;

alter table analyses drop column credit_insights;

alter table analysis_accounts add column transaction_count integer not null default 0;
alter table analysis_accounts add column transactions text not null default '';
alter table analysis_accounts alter column transactions set storage external;

update analysis_accounts aa set (transaction_count, transactions) = (
    select count(*)::integer, coalesce(string_agg(t.data::text, E'\n' order by t.position), '')
      from analysis_transactions t
     where t.analysis_id = aa.analysis_id and t.account_id = aa.account_id);

drop table analysis_transactions;
