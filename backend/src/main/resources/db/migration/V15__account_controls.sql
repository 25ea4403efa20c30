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
