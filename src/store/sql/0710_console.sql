-- Analysts of the console: one account per e-mail, in one project. The password is stored as an
-- scrypt hash; repeated failures lock the account for a while (see app/analysts.ts).
create table analysts (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  email text not null unique,
  password_hash text not null,
  must_change_password boolean not null default true,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null
);

-- Console sessions: the cookie holds a random token, the database only its SHA-256.
create table console_sessions (
  token_hash text primary key,
  analyst_id text not null references analysts (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index console_sessions_analyst on console_sessions (analyst_id);

-- Which analysis a console "Re-analyse" started from, to show what changed between the two.
create table analysis_reruns (
  analysis_id text primary key references analyses (id) on delete cascade,
  previous_analysis_id text not null references analyses (id) on delete cascade
);
