-- Residents' requests under the personal-information protection law (R28): 開示・訂正・利用停止請求. The request records
-- the requester (name and relation only), the identity check and who made it, the request, the due date (30 days,
-- extendable once by 30 days with a recorded notice), the decision, its approval and the notice.
create table resident_request (
  id                   bigserial primary key,
  kind                 varchar(12) not null check (kind in ('DISCLOSURE', 'CORRECTION', 'SUSPENSION')),
  status               varchar(24) not null,
  resident_id          bigint not null references resident (id),
  requester_type       varchar(24) not null check (requester_type in ('SELF', 'LEGAL_REPRESENTATIVE', 'APPOINTED_REPRESENTATIVE')),
  requester_name       varchar(100) not null,
  requester_relation   varchar(60),
  request_text         varchar(2000) not null,
  received_on          date not null,
  received_by          varchar(64) not null,
  due_on               date not null,
  overdue              boolean not null default false,
  identity_document    varchar(24) check (identity_document in ('DRIVERS_LICENSE', 'MY_NUMBER_CARD', 'PASSPORT',
                                                                'HEALTH_INSURANCE', 'RESIDENCE_CARD', 'OTHER')),
  identity_result      varchar(12) check (identity_result in ('CONFIRMED', 'FAILED')),
  identity_note        varchar(500),
  identity_checked_by  varchar(64),
  identity_checked_at  timestamptz,
  decision             varchar(20) check (decision in ('FULL_DISCLOSURE', 'PARTIAL_DISCLOSURE', 'NON_DISCLOSURE',
                                                       'CORRECT', 'NOT_CORRECT', 'SUSPEND', 'NOT_SUSPEND')),
  decision_reason      varchar(1000),
  decided_by           varchar(64),
  decided_at           timestamptz,
  approved_by          varchar(64),
  approved_at          timestamptz,
  notice_text          text,
  notice_prepared_at   timestamptz,
  notice_sent_on       date,
  notice_recorded_by   varchar(64),
  version              integer not null default 0,
  constraint resident_request_representative_relation check (requester_type = 'SELF' or requester_relation is not null),
  constraint resident_request_decision_fits_kind check (decision is null
      or (kind = 'DISCLOSURE' and decision in ('FULL_DISCLOSURE', 'PARTIAL_DISCLOSURE', 'NON_DISCLOSURE'))
      or (kind = 'CORRECTION' and decision in ('CORRECT', 'NOT_CORRECT'))
      or (kind = 'SUSPENSION' and decision in ('SUSPEND', 'NOT_SUSPEND'))),
  -- Four-eyes (R28 with DESIGN rule 2): the approver is never the one who decided.
  constraint resident_request_four_eyes check (approved_by is null or (decided_by is not null and approved_by <> decided_by)),
  constraint resident_request_due_after_receipt check (due_on > received_on)
);
create index resident_request_recent on resident_request (received_on desc, id desc);
create index resident_request_resident on resident_request (resident_id);

-- The one extension a request may have (30 more days), only with the notice sent to the requester.
create table resident_request_extension (
  request_id       bigint primary key references resident_request (id),
  reason           varchar(1000) not null check (length(btrim(reason)) > 0),
  notice_sent_on   date not null,
  previous_due_on  date not null,
  new_due_on       date not null check (new_due_on > previous_due_on),
  recorded_by      varchar(64) not null,
  recorded_at      timestamptz not null
);

-- The data concerned as it stood when it was collected: the resident's records and who accessed them (no 個人番号).
create table resident_request_package (
  request_id    bigint primary key references resident_request (id),
  content       jsonb not null,
  collected_at  timestamptz not null,
  collected_by  varchar(64) not null
);

-- What a correction decision (訂正する) changed: before and after, by whom.
create table resident_request_correction (
  id           bigserial primary key,
  request_id   bigint not null references resident_request (id),
  item         varchar(100) not null,
  before_text  varchar(1000) not null,
  after_text   varchar(1000) not null,
  corrected_by varchar(64) not null,
  corrected_at timestamptz not null
);
create index resident_request_correction_request on resident_request_correction (request_id, id);

-- The timeline: append-only.
create table resident_request_event (
  id           bigserial primary key,
  request_id   bigint not null references resident_request (id),
  occurred_at  timestamptz not null,
  kind         varchar(40) not null,
  description  varchar(1000) not null,
  actor        varchar(64) not null
);
create index resident_request_event_request on resident_request_event (request_id, occurred_at, id);
create function resident_request_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'resident_request_event is append-only';
end $$;
create trigger resident_request_event_no_change before update or delete on resident_request_event
  for each row execute function resident_request_event_append_only();

-- Inquiries (問い合わせ・苦情, R29): every one gets a receipt (受付票) numbered per fiscal year; one about a serious
-- incident (重大事故) has a standard processing period, tracked by its due date until it is closed.
create table inquiry_receipt_counter (
  fiscal_year  integer primary key,
  last_number  integer not null
);

create table inquiry (
  id              bigserial primary key,
  fiscal_year     integer not null,
  receipt_number  integer not null,
  received_on     date not null,
  channel         varchar(12) not null check (channel in ('TELEPHONE', 'COUNTER', 'MAIL', 'EMAIL', 'OTHER')),
  category        varchar(12) not null check (category in ('INQUIRY', 'COMPLAINT')),
  summary         varchar(2000) not null,
  -- The staff member who took the inquiry and handles it.
  handler         varchar(64) not null,
  recorded_at     timestamptz not null,
  serious         boolean not null default false,
  due_on          date,
  closed_on       date,
  closed_by       varchar(64),
  outcome         varchar(2000),
  version         integer not null default 0,
  unique (fiscal_year, receipt_number),
  constraint inquiry_serious_has_due check (serious = (due_on is not null)),
  constraint inquiry_closed_whole check ((closed_on is null) = (closed_by is null) and (closed_on is null) = (outcome is null))
);
create index inquiry_recent on inquiry (received_on desc, id desc);
create index inquiry_open_serious on inquiry (due_on) where serious and closed_on is null;
