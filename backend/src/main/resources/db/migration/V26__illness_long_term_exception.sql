-- 長期療養特例 (予防接種法施行令第1条の3第2項), owned by the illness module: a resident who could not be vaccinated in
-- the routine period because of a long-term illness, the vaccines concerned, the illness (a category and, where needed,
-- the disease's name, no diagnosis text), its period, the doctor's statement and who recorded and approved it. Each
-- vaccine's extension ends on the day the rule computes; eligibility and dose validation read the cases in force.
create table illness_exception (
  id                     bigserial primary key,
  resident_id            bigint not null references resident (id),
  status                 varchar(20) not null
                           check (status in ('AWAITING_APPROVAL', 'SENT_BACK', 'IN_FORCE', 'REJECTED', 'WITHDRAWN')),
  disease_category       varchar(32) not null
                           check (disease_category in ('IMMUNE_DISORDER', 'IMMUNOSUPPRESSIVE_TREATMENT', 'EQUIVALENT')),
  disease_name           varchar(100),
  illness_from           date not null,
  -- The day the 特別の事情 ended: the extension is counted from it.
  illness_to             date not null,
  statement_kind         varchar(12) not null check (statement_kind in ('OPINION', 'CERTIFICATE')),
  statement_received_on  date not null,
  statement_institution  varchar(100) not null check (length(btrim(statement_institution)) > 0),
  statement_doctor       varchar(60) not null check (length(btrim(statement_doctor)) > 0),
  note                   varchar(500),
  recorded_by            varchar(64) not null,
  recorded_at            timestamptz not null,
  -- The staff member who last corrected the case after it was sent back.
  revised_by             varchar(64),
  decision_reason        varchar(500),
  decided_by             varchar(64),
  decided_at             timestamptz,
  -- The day after which the record is no longer needed: the last extension's end, or the day it was decided against.
  expires_on             date,
  version                integer not null default 0,
  constraint illness_exception_period check (illness_from <= illness_to),
  -- Four-eyes (DESIGN rule 2): whoever recorded or corrected the case does not decide it.
  constraint illness_exception_four_eyes check (decided_by is null
      or (decided_by <> recorded_by and (revised_by is null or decided_by <> revised_by)))
);
create index illness_exception_resident on illness_exception (resident_id) include (status);
create index illness_exception_recent on illness_exception (recorded_at desc, id desc);

create table illness_exception_vaccine (
  exception_id    bigint not null references illness_exception (id),
  vaccine_code    varchar(32) not null,
  extended_until  date not null,
  primary key (exception_id, vaccine_code)
);

-- The timeline: append-only; only the retention rule (which marks its transaction) may delete it with the case.
create table illness_exception_event (
  id            bigserial primary key,
  exception_id  bigint not null references illness_exception (id),
  occurred_at   timestamptz not null,
  kind          varchar(40) not null,
  description   varchar(1000) not null,
  actor         varchar(64) not null
);
create index illness_exception_event_case on illness_exception_event (exception_id, occurred_at, id);
create function illness_exception_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('immunization.retention', true) = 'on' then
    return old;
  end if;
  raise exception 'illness_exception_event is append-only';
end $$;
create trigger illness_exception_event_no_change before update or delete on illness_exception_event
  for each row execute function illness_exception_event_append_only();
