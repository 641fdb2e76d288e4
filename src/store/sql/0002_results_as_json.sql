-- Analysis results are written once and read whole: keep them as `json` (the text as given,
-- no binary conversion on write) so that the API can serve them without parsing and
-- re-serialising megabytes per request. `daily_balances` stays jsonb: it is queried per element.
alter table analyses alter column metadata type json using metadata::json;
alter table analyses alter column credit_insights type json using credit_insights::json;
alter table analyses alter column scores type json using scores::json;
alter table analysis_accounts alter column data type json using data::json;
alter table analysis_transactions alter column data type json using data::json;
