-- Second factor at login (R07): one TOTP secret (RFC 6238) per account, encrypted with AES-GCM under
-- immunization.security.totp-key, never stored in the clear. confirmed_at stays null until the user has entered a valid
-- code from the secret (enrolment); last_step is the last accepted time step, so that each code is accepted once.
-- An administrator's reset deletes the row: the next login enrols again.
create table totp_credential (
  username     varchar(64) primary key references app_user (username) on delete cascade,
  secret       bytea not null,
  created_at   timestamptz not null,
  confirmed_at timestamptz,
  last_step    bigint
);
