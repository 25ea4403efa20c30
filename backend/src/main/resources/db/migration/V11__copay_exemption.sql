-- 自己負担金免除申請 (R26): an application from the counter or from ぴったりサービス, the matches of the
-- resident's local-tax and public-assistance status that the decision rests on, and the decision notice.
create table copay_exemption (
  id                   bigserial primary key,
  channel              varchar(12) not null check (channel in ('COUNTER', 'ELECTRONIC')),
  status               varchar(20) not null
                       check (status in ('IDENTIFYING', 'MATCHING', 'AWAITING_DECISION', 'AWAITING_APPROVAL',
                                         'NOTIFIED', 'RETURNED', 'WITHDRAWN')),
  vaccine_code         varchar(24) not null check (vaccine_code in ('INFLUENZA_ELDERLY', 'PNEUMOCOCCAL_ELDERLY', 'COVID')),
  fiscal_year          integer not null check (fiscal_year between 2000 and 2200),
  resident_id          bigint references resident (id),
  -- ぴったりサービスの申請番号 and what the applicant typed there, as received.
  application_number   varchar(40) unique,
  applicant_name_kanji varchar(100),
  applicant_name_kana  varchar(100),
  applicant_birth_date date,
  applicant_phone      varchar(20),
  note                 varchar(500),
  received_at          timestamptz not null,
  received_by          varchar(64),
  decision             varchar(12) check (decision in ('EXEMPT', 'NOT_EXEMPT')),
  decision_reason      varchar(500),
  copay_yen            integer check (copay_yen >= 0),
  decided_by           varchar(64),
  decided_at           timestamptz,
  approved_by          varchar(64),
  approved_at          timestamptz,
  closing_reason       varchar(500),
  closed_by            varchar(64),
  ended_at             timestamptz,
  version              integer not null default 0,
  constraint copay_exemption_counter_names_resident check (channel <> 'COUNTER' or resident_id is not null),
  constraint copay_exemption_electronic_as_received check (channel <> 'ELECTRONIC'
      or (application_number is not null and applicant_name_kana is not null and applicant_birth_date is not null)),
  constraint copay_exemption_decision_whole check ((decision is null) = (decided_at is null)
      and (decision is null) = (decision_reason is null) and (decision is null) = (copay_yen is null))
);
create index copay_exemption_received on copay_exemption (received_at desc, id desc);
create index copay_exemption_resident on copay_exemption (resident_id, vaccine_code, fiscal_year)
  where resident_id is not null;

-- Every check of the status: the automatic match through 庁内連携 (one per application, by request id) and
-- each staff check of documents when the match was inconclusive. Rows are never deleted.
create table copay_status_match (
  id                bigserial primary key,
  exemption_id      bigint not null references copay_exemption (id),
  source            varchar(24) not null
                    check (source in ('CITY_LINKAGE', 'TAX_CERTIFICATE', 'ASSISTANCE_CERTIFICATE',
                                      'DEPARTMENT_CONFIRMATION', 'NO_EVIDENCE')),
  request_id        varchar(40) unique,
  fiscal_year       integer not null,
  requested_at      timestamptz,
  result            varchar(12) check (result in ('ANSWERED', 'NO_ANSWER', 'LINK_FAILED', 'CHECKED')),
  recorded_at       timestamptz,
  local_tax_status  varchar(24) check (local_tax_status in ('NON_TAXABLE_HOUSEHOLD', 'TAXABLE_HOUSEHOLD', 'NO_RECORD', 'UNKNOWN')),
  assistance_status varchar(16) check (assistance_status in ('RECIPIENT', 'NOT_RECIPIENT', 'UNKNOWN')),
  outcome           varchar(16) check (outcome in ('EXEMPT', 'NOT_EXEMPT', 'INCONCLUSIVE')),
  outcome_reason    varchar(500),
  checked_by        varchar(64) not null,
  note              varchar(500),
  constraint copay_status_match_recorded_whole check ((result is null) = (outcome is null)
      and (result is null) = (recorded_at is null)),
  constraint copay_status_match_linkage_has_request check ((source = 'CITY_LINKAGE') = (request_id is not null))
);
create index copay_status_match_exemption on copay_status_match (exemption_id, id);

-- R26 in the database as well: no decision without a recorded match of the status.
create function copay_exemption_decided_after_match() returns trigger language plpgsql as $$
begin
  if new.decision is not null and not exists (
      select 1 from copay_status_match m where m.exemption_id = new.id and m.outcome is not null) then
    raise exception 'R26: co-pay exemption % cannot be decided before its status match is recorded', new.id;
  end if;
  return new;
end;
$$;
create trigger copay_exemption_decision_needs_match before insert or update of decision on copay_exemption
  for each row execute function copay_exemption_decided_after_match();

-- 決定通知: one per application, recorded when it is issued.
create table copay_exemption_notice (
  id           bigserial primary key,
  exemption_id bigint not null unique references copay_exemption (id),
  decision     varchar(12) not null check (decision in ('EXEMPT', 'NOT_EXEMPT')),
  copay_yen    integer not null check (copay_yen >= 0),
  reason       varchar(500) not null,
  issued_at    timestamptz not null
);
