-- Refresh tokens rotate within a grant (the chain started by one client-credentials request):
-- a token used twice means it was stolen, and the whole grant is revoked (OAuth 2.1 practice).
-- Tokens issued before this migration each form their own grant.
alter table refresh_tokens add column grant_id text;
update refresh_tokens set grant_id = jti where grant_id is null;
alter table refresh_tokens alter column grant_id set not null;
alter table refresh_tokens add column revoked_at timestamptz;
create index refresh_tokens_grant on refresh_tokens (grant_id);
