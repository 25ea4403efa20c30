-- Owner: resident. Staff's corrections of a resident's identity items (職権修正, R05): what was asked, by whom and why;
-- a new 個人番号 only encrypted, applied only after a supervisor's approval. What changed (before and after) is kept in
-- resident_change once applied.
create table identity_correction (
  id               bigserial primary key,
  resident_id      bigint not null references resident (id),
  status           varchar(20) not null check (status in ('REQUESTED', 'AWAITING_APPROVAL', 'APPLIED', 'REJECTED')),
  items            jsonb not null,
  my_number_cipher bytea,
  reason           varchar(500) not null,
  requested_by     varchar(64) not null,
  requested_at     timestamptz not null,
  decided_by       varchar(64),
  rejection_reason varchar(500),
  applied_at       timestamptz,
  version          integer not null default 0
);
create index identity_correction_resident on identity_correction (resident_id);
