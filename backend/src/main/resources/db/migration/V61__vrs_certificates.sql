-- 新型コロナウイルス感染症予防接種証明書 (vaccination certificates), owned by the vrs module: a resident's application at
-- the counter or from ぴったりサービス, the 旅券関係情報 an overseas certificate needs, staff's check, and the issued
-- certificate (証明書ID, 発行年月日) with the doses it certifies as they were when it was checked.
create table vrs_certificate (
  id                  bigserial primary key,
  resident_id         bigint not null references resident (id),
  channel             varchar(12) not null check (channel in ('COUNTER', 'ELECTRONIC')),
  -- ぴったりサービスの申請番号, for an electronic application.
  application_number  varchar(40) unique,
  kind                varchar(10) not null check (kind in ('DOMESTIC', 'OVERSEAS')),
  romaji_name         varchar(100),
  former_name         varchar(100),
  nationality         varchar(60),
  passport_number     varchar(20),
  status              varchar(12) not null check (status in ('CHECKING', 'ISSUED', 'REJECTED')),
  received_at         timestamptz not null,
  received_by         varchar(64),
  -- The document checked at the counter; an electronic application is signed with the applicant's マイナンバーカード.
  identity_document   varchar(40),
  checked_by          varchar(64),
  checked_at          timestamptz,
  decision_reason     varchar(500),
  certificate_number  varchar(30) unique,
  issued_on           date,
  version             integer not null default 0,
  constraint vrs_certificate_passport check (kind = 'DOMESTIC'
      or (romaji_name is not null and nationality is not null and passport_number is not null)),
  constraint vrs_certificate_issued check (status <> 'ISSUED' or (certificate_number is not null and issued_on is not null))
);
create index vrs_certificate_resident on vrs_certificate (resident_id);
create index vrs_certificate_recent on vrs_certificate (received_at desc, id desc);

create table vrs_certificate_dose (
  certificate_id  bigint not null references vrs_certificate (id),
  dose_number     smallint not null,
  dose_date       date not null,
  vaccine_maker   varchar(40),
  lot_number      varchar(20),
  -- Where the record is kept: this city's code, or the former municipality's (from a mover query).
  municipality_code char(6) not null,
  primary key (certificate_id, dose_number)
);

create table vrs_certificate_event (
  id              bigserial primary key,
  certificate_id  bigint not null references vrs_certificate (id),
  occurred_at     timestamptz not null,
  kind            varchar(40) not null,
  description     varchar(1000) not null,
  actor           varchar(64) not null
);
create index vrs_certificate_event_case on vrs_certificate_event (certificate_id, occurred_at, id);
create trigger vrs_certificate_event_no_change before update or delete on vrs_certificate_event
  for each row execute function vrs_append_only();
