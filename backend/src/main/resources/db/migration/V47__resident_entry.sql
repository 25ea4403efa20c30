-- Owner: resident. Residents entered by staff (職権記載 by the office, R01/R05) before the register feed brings them:
-- what was entered, by whom and why, a 個人番号 only encrypted; registered only after a supervisor's approval, when
-- resident_id names the new resident (whose resident_change row keeps the items with the source STAFF_ENTRY).
create table resident_entry (
  id               bigserial primary key,
  status           varchar(20) not null check (status in ('AWAITING_APPROVAL', 'REGISTERED', 'REJECTED')),
  items            jsonb not null,
  my_number_cipher bytea,
  reason           varchar(500) not null,
  requested_by     varchar(64) not null,
  requested_at     timestamptz not null,
  decided_by       varchar(64),
  rejection_reason varchar(500),
  resident_id      bigint references resident (id),
  registered_at    timestamptz,
  version          integer not null default 0
);
create index resident_entry_resident on resident_entry (resident_id);
