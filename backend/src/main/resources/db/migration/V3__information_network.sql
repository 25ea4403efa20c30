-- 情報照会 (R14, R15, R19, R20, R24, R25): queries to other agencies through the 中間サーバー.
create table information_query (
  id               bigserial primary key,
  resident_id      bigint not null references resident (id),
  information_item varchar(40) not null,
  legal_basis      varchar(40) not null,
  purpose          varchar(500) not null,
  status           varchar(24) not null,
  revision         integer not null default 1,
  requested_by     varchar(64) not null,
  requested_at     timestamptz not null,
  approved_by      varchar(64),
  approved_at      timestamptz,
  sent_at          timestamptz,
  answered_at      timestamptz,
  ended_at         timestamptz,
  version          integer not null default 0
);
create index information_query_requested_by on information_query (requested_by, requested_at desc);
create index information_query_ended on information_query (ended_at) where ended_at is not null;

-- Every version of a query's content, so that an approver sees what changed since a rejection.
create table information_query_revision (
  query_id         bigint not null references information_query (id),
  revision         integer not null,
  information_item varchar(40) not null,
  legal_basis      varchar(40) not null,
  purpose          varchar(500) not null,
  revised_by       varchar(64) not null,
  revised_at       timestamptz not null,
  primary key (query_id, revision)
);

-- The raw answer as received; deleted automatically after the retention period (R20).
create table query_result (
  query_id    bigint primary key references information_query (id),
  received_at timestamptz not null,
  payload     jsonb not null
);

create table query_result_deletion (
  query_id   bigint primary key references information_query (id),
  deleted_at timestamptz not null,
  reason     varchar(40) not null
);

-- Results checked by two staff and saved into the resident's record (R19).
create table resident_network_information (
  id               bigserial primary key,
  resident_id      bigint not null references resident (id),
  query_id         bigint not null unique references information_query (id),
  information_item varchar(40) not null,
  content          jsonb not null,
  saved_at         timestamptz not null
);

-- 符号: the per-agency person code. Used only to talk to the network, never joined with anything else (R24).
create table network_code (
  resident_id bigint primary key references resident (id),
  code        varchar(40) not null unique
);

-- 情報提供等記録 (R25): every query and provision, kept 7 years.
create table provision_record (
  id               bigserial primary key,
  kind             varchar(12) not null check (kind in ('QUERY', 'PROVISION')),
  query_id         bigint unique references information_query (id),
  resident_id      bigint not null references resident (id),
  information_item varchar(40) not null,
  legal_basis      varchar(40) not null,
  requested_by     varchar(64) not null,
  approved_by      varchar(64),
  requested_at     timestamptz not null,
  approved_at      timestamptz,
  sent_at          timestamptz,
  answered_at      timestamptz,
  outcome          varchar(24),
  retain_until     date not null
);
create index provision_record_retain on provision_record (retain_until);
