-- 不開示設定 (R16): residents whose data is never provided automatically, e.g. under DV protection.
create table non_disclosure_setting (
  resident_id bigint primary key references resident (id),
  reason      varchar(24) not null check (reason in ('DV_PROTECTION', 'STALKER_PROTECTION', 'OTHER')),
  note        varchar(200),
  set_by      varchar(64) not null,
  set_at      timestamptz not null
);

-- 副本: the copy of this office's data that the network may ask for.
create table fukuhon (
  resident_id      bigint not null references resident (id),
  information_item varchar(40) not null,
  content          jsonb not null,
  registered_at    timestamptz not null,
  registered_by    varchar(64) not null,
  primary key (resident_id, information_item)
);

-- 情報提供: requests that arrive from the network (R16, R17, R18).
create table provision_request (
  id                 bigserial primary key,
  network_request_id varchar(64) not null unique,
  resident_id        bigint references resident (id),
  information_item   varchar(40) not null,
  legal_basis        varchar(40) not null,
  requester_agency   varchar(100) not null,
  status             varchar(24) not null,
  review_reason      varchar(24),
  manual_content     varchar(2000),
  reviewed_by        varchar(64),
  approved_by        varchar(64),
  received_at        timestamptz not null,
  answered_at        timestamptz,
  version            integer not null default 0
);

alter table provision_record add column provision_request_id bigint unique references provision_request (id);
alter table provision_record alter column resident_id drop not null;
