-- Retention (R27): data past its period is deleted by a nightly job, which records what it deleted and when. A legal
-- hold on a resident keeps everything of theirs; so does any open task about them (an open case).
create table legal_hold (
  id          bigserial primary key,
  resident_id bigint not null references resident (id),
  reason      varchar(200) not null,
  set_by      varchar(64) not null,
  set_at      timestamptz not null,
  lifted_by   varchar(64),
  lifted_at   timestamptz
);
create index legal_hold_active on legal_hold (resident_id) where lifted_at is null;

create table retention_deletion (
  id          bigserial primary key,
  ran_at      timestamptz not null,
  kind        varchar(40) not null,
  deleted     integer not null,
  deleted_ids bigint[] not null
);
create index retention_deletion_recent on retention_deletion (ran_at desc);
