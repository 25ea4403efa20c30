-- 予防接種健康被害救済 (R33): a claim from application to payments and appeal. Every step, date, document and
-- decision is on the case record: the claim row, its benefits and documents, and an append-only timeline.
create table relief_claim (
  id                     bigserial primary key,
  status                 varchar(32) not null,
  resident_id            bigint not null references resident (id),
  claimant_relation      varchar(12) not null check (claimant_relation in ('SELF', 'GUARDIAN', 'BEREAVED')),
  claimant_name          varchar(100) not null,
  vaccination_class      varchar(2) not null check (vaccination_class in ('A', 'B')),
  vaccine                varchar(60) not null,
  vaccinated_on          date not null,
  dose_record_id         bigint references dose_record (id),
  received_on            date not null,
  received_by            varchar(64) not null,
  -- Dates the B-class claim deadlines run from (DOMAIN 4): the medical payment, the death.
  medical_paid_on        date,
  death_on               date,
  benefits_paid_before   boolean not null default false,
  late                   boolean not null default false,
  late_accepted_by       varchar(64),
  late_reason            varchar(500),
  note                   varchar(500),
  committee_meeting_on   date,
  committee_opinion      varchar(16) check (committee_opinion in ('CAUSAL', 'NOT_CAUSAL', 'UNDETERMINED')),
  committee_summary      varchar(1000),
  forwarded_on           date,
  -- The request id of the latest forwarding; the Ministry's answer names it.
  ministry_request_id    varchar(40) unique,
  forward_count          integer not null default 0,
  ministry_outcome       varchar(12) check (ministry_outcome in ('RECOGNISED', 'DENIED')),
  ministry_decided_on    date,
  municipal_decision     varchar(8) check (municipal_decision in ('PAY', 'NOT_PAY')),
  decision_reason        varchar(500),
  one_off_amount_yen     integer check (one_off_amount_yen >= 0),
  periodic_amount_yen    integer check (periodic_amount_yen >= 0),
  entitlement_ends_on    date,
  decided_by             varchar(64),
  decided_at             timestamptz,
  approved_by            varchar(64),
  approved_at            timestamptz,
  notice_text            text,
  notified_at            timestamptz,
  appeal_filed_on        date,
  appeal_outcome         varchar(12) check (appeal_outcome in ('UPHELD', 'DISMISSED')),
  version                integer not null default 0,
  -- R33: the municipality decides to pay only what the Ministry recognised.
  constraint relief_claim_pay_only_recognised check (municipal_decision is distinct from 'PAY'
      or ministry_outcome is not distinct from 'RECOGNISED'),
  constraint relief_claim_approval_after_decision check (approved_at is null or decided_at is not null)
);
create index relief_claim_resident on relief_claim (resident_id);
create index relief_claim_recent on relief_claim (received_on desc, id desc);

create table relief_claimed_benefit (
  claim_id      bigint not null references relief_claim (id),
  benefit_type  varchar(32) not null,
  primary key (claim_id, benefit_type)
);

-- Documents received: on paper (no content) or uploaded (content here, or in the configured folder).
create table relief_document (
  id             bigserial primary key,
  claim_id       bigint not null references relief_claim (id),
  document_type  varchar(32) not null,
  file_name      varchar(200),
  content_type   varchar(40) check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes     bigint check (size_bytes > 0),
  sha256         varchar(64),
  content        bytea,
  stored_path    varchar(300),
  received_on    date not null,
  recorded_by    varchar(64) not null,
  recorded_at    timestamptz not null,
  constraint relief_document_file_whole check ((file_name is null) = (content_type is null)
      and (file_name is null) = (size_bytes is null))
);
create index relief_document_claim on relief_document (claim_id, id);

-- The timeline: append-only.
create table relief_event (
  id           bigserial primary key,
  claim_id     bigint not null references relief_claim (id),
  occurred_at  timestamptz not null,
  kind         varchar(40) not null,
  description  varchar(1000) not null,
  actor        varchar(64) not null
);
create index relief_event_claim on relief_event (claim_id, occurred_at, id);
create function relief_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'relief_event is append-only';
end $$;
create trigger relief_event_no_change before update or delete on relief_event
  for each row execute function relief_event_append_only();

create table relief_payment_run (
  id             bigserial primary key,
  status         varchar(20) not null check (status in ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED')),
  due_by         date not null,
  prepared_by    varchar(64) not null,
  prepared_at    timestamptz not null,
  approved_by    varchar(64),
  approved_at    timestamptz,
  payment_count  integer not null,
  total_yen      bigint not null,
  version        integer not null default 0
);

create table relief_payment (
  id            bigserial primary key,
  claim_id      bigint not null references relief_claim (id),
  kind          varchar(12) not null check (kind in ('ONE_OFF', 'PERIODIC')),
  period_no     integer not null check (period_no >= 0),
  due_on        date not null,
  amount_yen    integer not null check (amount_yen > 0),
  status        varchar(12) not null check (status in ('SCHEDULED', 'IN_RUN', 'PAID')),
  run_id        bigint references relief_payment_run (id),
  scheduled_at  timestamptz not null,
  paid_on       date,
  version       integer not null default 0,
  -- A job that runs twice schedules nothing twice.
  unique (claim_id, kind, period_no)
);
create index relief_payment_open on relief_payment (status, due_on) where status <> 'PAID';

-- R33: nothing is paid (or even scheduled) before the Ministry's recognition and the approved decision to pay.
create function relief_payment_requires_decision() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from relief_claim c where c.id = new.claim_id and c.ministry_outcome = 'RECOGNISED'
                 and c.municipal_decision = 'PAY' and c.approved_at is not null) then
    raise exception 'relief payment % of claim % without recognition and an approved decision to pay',
      new.id, new.claim_id;
  end if;
  return new;
end $$;
create trigger relief_payment_decision_check before insert or update on relief_payment
  for each row execute function relief_payment_requires_decision();
