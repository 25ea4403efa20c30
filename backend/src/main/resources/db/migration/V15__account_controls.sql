-- Account controls of the assessment (R08, R09): lockout after repeated login failures, a validity period, and who
-- disabled an account when.
alter table app_user
  add column failed_logins integer not null default 0 check (failed_logins >= 0),
  add column locked_until  timestamptz,
  add column valid_from    date,
  add column valid_until   date,
  add column last_login_at timestamptz,
  add column disabled_at   timestamptz,
  add column disabled_by   varchar(64),
  add constraint app_user_validity check (valid_from is null or valid_until is null or valid_from <= valid_until);

-- Password policy (R08): when the password was last changed (for its expiry) and the recent ones (no reuse).
alter table app_user add column password_changed_at timestamptz;
update app_user set password_changed_at = created_at;
alter table app_user alter column password_changed_at set not null;
alter table app_user alter column password_changed_at set default now();

create table password_history (
  id            bigserial primary key,
  username      varchar(64) not null references app_user (username) on delete cascade,
  password_hash varchar(200) not null,
  changed_at    timestamptz not null
);
create index password_history_user on password_history (username, changed_at desc);
