-- Owner: security. Failed password attempts, counted per client and account, per client, and per account ('*' as
-- client), so that failures slow the one who makes them down instead of locking the account for everyone (issue 15).
create table login_throttle (
  client           varchar(64) not null,
  username         varchar(64) not null,
  failures         integer not null,
  last_failure_at  timestamptz not null,
  primary key (client, username)
);
