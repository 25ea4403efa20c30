-- vaccination: 予防接種の間違い (wrong vaccinations). A dose registered with a confirmed E032 (interval) or E034
-- (not a routine vaccination) is flagged; staff either report it (one report per dose, a BPMN case) or explain why
-- it is no mistake (dismissal). The report goes to the prefecture after a supervisor's approval.
create table wrong_vaccination_report (
  id                     bigserial primary key,
  dose_record_id         bigint not null unique references dose_record (id),
  resident_id            bigint not null references resident (id),
  status                 varchar(20) not null,
  kind                   varchar(20) not null
                           check (kind in ('INTERVAL', 'AGE', 'COUNT', 'TARGET', 'VACCINE', 'DOSE_AMOUNT', 'EXPIRED', 'OTHER')),
  rule_broken            varchar(500),
  what_happened          varchar(2000) not null,
  cause                  varchar(2000) not null,
  prevention             varchar(2000) not null,
  health_damage          varchar(10) not null check (health_damage in ('NONE', 'PRESENT', 'UNKNOWN')),
  started_by             varchar(64) not null,
  started_at             timestamptz not null,
  resident_informed_on   date,
  resident_informed_how  varchar(20),
  resident_informed_by   varchar(64),
  clinic_informed_on     date,
  clinic_contact         varchar(100),
  clinic_informed_by     varchar(64),
  approved_by            varchar(64),
  approved_at            timestamptz,
  reported_at            timestamptz,
  prefecture_receipt     varchar(40),
  ended_at               timestamptz,
  version                integer not null default 0
);
create index wrong_vaccination_report_started on wrong_vaccination_report (started_at);

-- The report's timeline: append-only, but for the retention rule, which marks its own transaction (as V25).
create table wrong_vaccination_event (
  id           bigserial primary key,
  report_id    bigint not null references wrong_vaccination_report (id),
  occurred_at  timestamptz not null,
  kind         varchar(40) not null,
  description  varchar(1000) not null,
  actor        varchar(64) not null
);
create index wrong_vaccination_event_report on wrong_vaccination_event (report_id, occurred_at, id);
create function wrong_vaccination_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('immunization.retention', true) = 'on' then
    return old;
  end if;
  raise exception 'wrong_vaccination_event is append-only';
end $$;
create trigger wrong_vaccination_event_no_change before update or delete on wrong_vaccination_event
  for each row execute function wrong_vaccination_event_append_only();

-- A flag a supervisor found to be no mistake (e.g. a 60-64-year-old with a qualifying disability), with the reason.
create table wrong_vaccination_dismissal (
  dose_record_id  bigint primary key references dose_record (id),
  resident_id     bigint not null references resident (id),
  reason          varchar(500) not null,
  dismissed_by    varchar(64) not null,
  dismissed_at    timestamptz not null
);

create index dose_record_flagged on dose_record (dose_date) where error_code ~ 'E03[24]';
