-- Monthly batches of dose records from clinics (予診票 CSV). The file is kept only until the batch is registered
-- or discarded; its rows are validated into dose_batch_row, corrected there, and registered all at once.
create table dose_batch (
  id             bigserial primary key,
  file_name      varchar(255) not null,
  file_sha256    char(64) not null,
  encoding       varchar(10) not null check (encoding in ('UTF_8', 'SHIFT_JIS')),
  content        bytea,
  status         varchar(20) not null
                 check (status in ('VALIDATING', 'REVIEW', 'AWAITING_APPROVAL', 'REGISTERED', 'DISCARDED')),
  row_count      integer not null check (row_count >= 0),
  validated_rows integer not null default 0,
  uploaded_by    varchar(64) not null,
  uploaded_at    timestamptz not null,
  approved_by    varchar(64),
  approved_at    timestamptz,
  registered_at  timestamptz,
  closed_at      timestamptz,
  version        integer not null default 0
);
-- The same file twice is refused, unless the first upload was discarded.
create unique index dose_batch_same_file on dose_batch (file_sha256) where status <> 'DISCARDED';
create index dose_batch_recent on dose_batch (uploaded_at desc);

create table dose_batch_row (
  batch_id     bigint not null references dose_batch (id),
  line         integer not null,
  status       varchar(10) not null check (status in ('ACCEPTED', 'REJECTED', 'EXCLUDED')),
  items        jsonb not null,
  problems     jsonb not null default '[]',
  resident_id  bigint references resident (id),
  -- A person confirmed the row's warnings (E032): registered with its エラーコード.
  warnings_confirmed boolean not null default false,
  corrected_by varchar(64),
  primary key (batch_id, line)
);
create index dose_batch_row_status on dose_batch_row (batch_id, status, line);

alter table dose_record add constraint dose_record_batch foreign key (batch_id) references dose_batch (id);

-- A case's open task, e.g. to link a batch to its next step.
create index task_view_open_case on task_view (process_key, case_id) where status = 'OPEN';
