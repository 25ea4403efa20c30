-- ワクチン接種記録システム (VRS), owned by the vrs module: the COVID-19 tickets (接種券) this city issued, the
-- residents' COVID-19 doses as registered to VRS (接種券番号 and 自治体コード kept with each), and the mover queries
-- (転入者の接種記録照会, R30/R31) with the consent and identity check they rest on.

-- One ticket a resident: the 接種券番号 and the code of the municipality that issued it (this city's, 112020 熊谷市).
create table vrs_ticket (
  resident_id        bigint primary key references resident (id),
  ticket_number      char(10) not null unique check (ticket_number ~ '^[0-9]{10}$'),
  municipality_code  char(6) not null check (municipality_code ~ '^[0-9]{6}$'),
  issued_at          timestamptz not null
);
create sequence vrs_ticket_serial;

-- A batch of registrations and corrections to send to VRS, made in the transaction that changed the doses.
create table vrs_submission (
  id          bigserial primary key,
  reason      varchar(500) not null,
  changed_by  varchar(64) not null,
  created_at  timestamptz not null,
  sent_at     timestamptz
);

-- A COVID-19 dose as VRS holds it (接種回 counted over the resident's COVID-19 doses). dose_record_id is the vaccination
-- module's id, kept without a foreign key: a dose removed there is still sent to VRS as a deletion.
create table vrs_dose (
  dose_record_id     bigint primary key,
  resident_id        bigint not null references resident (id),
  ticket_number      char(10) not null,
  municipality_code  char(6) not null,
  dose_number        smallint not null check (dose_number between 1 and 20),
  dose_date          date not null,
  vaccine_maker      varchar(40),
  lot_number         varchar(20),
  deleted            boolean not null default false,
  -- 1 for the registration, one more for each correction.
  revision           integer not null default 1,
  sent_revision      integer,
  pending_submission bigint references vrs_submission (id)
);
create index vrs_dose_resident on vrs_dose (resident_id, dose_date);
create index vrs_dose_pending on vrs_dose (pending_submission) where pending_submission is not null;

-- 転入者の接種記録照会: a resident who moved in, the former municipality's code the query is sent with (R31), who
-- asked and who approved it, and what VRS answered.
create table vrs_mover_query (
  id                        bigserial primary key,
  resident_id               bigint not null references resident (id),
  former_municipality_code  char(6) not null check (former_municipality_code ~ '^[0-9]{6}$'),
  status                    varchar(20) not null check (status in ('AWAITING_APPROVAL', 'SENT', 'CHECKING', 'NO_MATCH',
                                                                     'RECORDED', 'REJECTED', 'CLOSED')),
  requested_by              varchar(64) not null,
  requested_at              timestamptz not null,
  -- The staff member who corrected the code after a query found no one.
  revised_by                varchar(64),
  approved_by               varchar(64),
  approved_at               timestamptz,
  decision_reason           varchar(500),
  -- Each sending is an attempt of its own (a corrected code is a new query to VRS).
  attempt                   integer not null default 1,
  sent_at                   timestamptz,
  answered_at               timestamptz,
  outcome                   varchar(10) check (outcome in ('FOUND', 'NOT_FOUND')),
  checked_by                varchar(64),
  checked_at                timestamptz,
  closed_reason             varchar(500),
  version                   integer not null default 0,
  constraint vrs_mover_query_four_eyes check (approved_by is null
      or (approved_by <> requested_by and (revised_by is null or approved_by <> revised_by)))
);
create index vrs_mover_query_resident on vrs_mover_query (resident_id);
create index vrs_mover_query_recent on vrs_mover_query (requested_at desc, id desc);

-- R30: the resident's consent and the identity check (番号法第16条), each with who, when and which document.
-- Append-only: what was recorded at the counter stays as it was.
create table vrs_mover_consent (
  query_id      bigint not null references vrs_mover_query (id),
  kind          varchar(10) not null check (kind in ('CONSENT', 'IDENTITY')),
  document      varchar(40) not null,
  confirmed_on  date not null,
  recorded_by   varchar(64) not null,
  recorded_at   timestamptz not null,
  primary key (query_id, kind)
);
create function vrs_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('immunization.retention', true) = 'on' then
    return old;
  end if;
  raise exception '% is append-only', tg_table_name;
end $$;
create trigger vrs_mover_consent_no_change before update or delete on vrs_mover_consent
  for each row execute function vrs_append_only();

-- R30 in the database as well: a query is marked sent (which the sending does before it calls VRS) only when the
-- consent and the identity check are on record and a supervisor approved it.
create function vrs_mover_query_sent_after_consent() returns trigger language plpgsql as $$
begin
  if new.sent_at is not null and (tg_op = 'INSERT' or old.sent_at is null) then
    if (select count(*) from vrs_mover_consent c where c.query_id = new.id and c.kind in ('CONSENT', 'IDENTITY')) < 2 then
      raise exception 'R30: mover query % cannot be sent without the resident''s consent and an identity check on record', new.id;
    end if;
    if new.approved_by is null then
      raise exception 'R30: mover query % cannot be sent before a supervisor approves it', new.id;
    end if;
  end if;
  return new;
end $$;
create trigger vrs_mover_query_needs_consent before insert or update of sent_at on vrs_mover_query
  for each row execute function vrs_mover_query_sent_after_consent();

-- What the former municipality holds, as VRS answered (COVID record items of 別添1).
create table vrs_mover_record (
  query_id           bigint not null references vrs_mover_query (id),
  dose_number        smallint not null,
  dose_date          date not null,
  vaccine_maker      varchar(40),
  lot_number         varchar(20),
  municipality_code  char(6) not null,
  ticket_number      char(10),
  primary key (query_id, dose_number)
);

create table vrs_mover_query_event (
  id            bigserial primary key,
  query_id      bigint not null references vrs_mover_query (id),
  occurred_at   timestamptz not null,
  kind          varchar(40) not null,
  description   varchar(1000) not null,
  actor         varchar(64) not null
);
create index vrs_mover_query_event_case on vrs_mover_query_event (query_id, occurred_at, id);
create trigger vrs_mover_query_event_no_change before update or delete on vrs_mover_query_event
  for each row execute function vrs_append_only();
