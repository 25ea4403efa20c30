-- Every verification of the audit chain, nightly or on demand, with the last entry it saw: the next run checks
-- that this entry is still there unchanged, which the chain alone cannot tell when its tail is cut off (R04).
create table audit_verification_run (
  id              bigserial primary key,
  ran_at          timestamptz not null,
  trigger_kind    varchar(10) not null check (trigger_kind in ('NIGHTLY', 'ON_DEMAND')),
  intact          boolean not null,
  checked         bigint not null,
  first_broken_id bigint,
  reason          varchar(200),
  last_event_id   bigint,
  last_hash       varchar(64)
);
create index audit_verification_run_latest on audit_verification_run (ran_at desc);
