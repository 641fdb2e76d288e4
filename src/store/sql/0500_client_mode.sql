-- Test vs live mode is a property of the client credentials: a test client's hosted pages offer
-- the sandbox bank, a live one's do not. A project may have clients of both modes.
alter table clients add column live_mode boolean not null default false;
