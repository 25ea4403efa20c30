-- Owner: resident. The resident register feed (住民記録システム → 庁内連携): files as delivered, their checked lines,
-- and every change applied to a resident with its source (R01, R05).

-- What the register says beyond the 予防接種ファイル's items: 住民票コード, the 統合宛名番号 that links the 宛名番号 to
-- 個人番号 and 符号 (統合宛名システム), the source system of the last change, and per group of items the 異動日 of
-- the change that set it, so that a change that arrives late never overwrites a later one.
alter table resident add column resident_code varchar(11);
alter table resident add column integrated_addressee_number varchar(15);
alter table resident add column source_system varchar(64);
alter table resident add column item_dates jsonb not null default '{}';
create unique index resident_integrated_addressee on resident (integrated_addressee_number);

create table resident_feed_file (
  id             bigserial primary key,
  source_system  varchar(64) not null,
  file_name      varchar(255) not null,
  -- The same file twice is refused, whatever became of the first.
  file_sha256    char(64) not null unique,
  encoding       varchar(10) not null check (encoding in ('UTF_8', 'SHIFT_JIS')),
  -- Kept until the file is applied or refused: the job reads it, nobody else.
  content        bytea,
  status         varchar(10) not null check (status in ('CHECKING', 'REVIEW', 'APPLIED', 'REFUSED')),
  line_count     integer not null check (line_count >= 0),
  applied_lines  integer,
  repeated_lines integer,
  superseded_lines integer,
  received_by    varchar(64) not null,
  received_at    timestamptz not null,
  applied_at     timestamptz,
  reviewed_by    varchar(64),
  review_note    varchar(1000),
  version        integer not null default 0
);
create index resident_feed_file_recent on resident_feed_file (received_at desc);
-- How far the check has gone, written by the check's own short transactions: apart from the file's row, which the
-- job's transaction holds while the check runs.
create table resident_feed_progress (
  file_id       bigint primary key references resident_feed_file (id),
  checked_lines integer not null default 0
);

-- One line of a file as checked: its items (個人番号 only encrypted, beside them), and its problems with E-codes.
create table resident_feed_line (
  file_id          bigint not null references resident_feed_file (id),
  line             integer not null,
  status           varchar(10) not null check (status in ('ACCEPTED', 'REJECTED')),
  items            jsonb not null,
  my_number_cipher bytea,
  problems         jsonb not null default '[]',
  primary key (file_id, line)
);
create index resident_feed_line_status on resident_feed_line (file_id, status, line);

-- Every change of a resident's register items: where it came from (feed with its source system, file and line; staff
-- entry; 市町村CS), the 異動 it applies, and the items before and after (個人番号 masked). Append-only.
create table resident_change (
  id            bigserial primary key,
  resident_id   bigint not null references resident (id),
  kind          varchar(24) not null,
  source        varchar(32) not null check (source in ('RESIDENT_REGISTER_FEED','RESIDENT_NETWORK_CS','STAFF_ENTRY','SYNTHETIC_DEMO')),
  source_system varchar(64) not null,
  feed_file_id  bigint references resident_feed_file (id),
  feed_line     integer,
  -- The register system's 異動連番: a change delivered again (in another file) is applied once only.
  event_serial  varchar(32),
  moved_on      date not null,
  notified_on   date,
  -- SUPERSEDED: a later 異動 had already set these items; recorded, not applied.
  outcome       varchar(12) not null check (outcome in ('APPLIED', 'SUPERSEDED')),
  before_items  jsonb not null default '{}',
  after_items   jsonb not null default '{}',
  reason        varchar(500),
  recorded_by   varchar(64) not null,
  recorded_at   timestamptz not null,
  check ((source = 'RESIDENT_REGISTER_FEED') = (feed_file_id is not null))
);
create unique index resident_change_serial on resident_change (source_system, event_serial) where event_serial is not null;
create index resident_change_resident on resident_change (resident_id, id);

create function resident_change_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'resident_change is append-only';
end $$;
create trigger resident_change_append_only before update or delete on resident_change
  for each statement execute function resident_change_append_only();
