-- Results are written once and read whole on every GET: keep them out of line but uncompressed
-- (pglz compression of ~1.4 MB cost tens of ms per write and a decompression per read).
alter table analyses alter column metadata set storage external;
alter table analyses alter column credit_insights set storage external;
alter table analyses alter column scores set storage external;
alter table analysis_accounts alter column data set storage external;
alter table analysis_accounts alter column daily_balances set storage external;
