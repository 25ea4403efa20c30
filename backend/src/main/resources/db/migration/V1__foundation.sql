-- Departments and user accounts. Roles are the application's; candidate groups in BPMN are derived from them.
create table department (
  code varchar(32) primary key,
  name varchar(100) not null
);

create table app_user (
  username        varchar(64) primary key,
  display_name    varchar(100) not null,
  password_hash   varchar(200) not null,
  department_code varchar(32) not null references department (code),
  roles           varchar(32)[] not null,
  enabled         boolean not null default true,
  demo            boolean not null default false,
  created_at      timestamptz not null default now(),
  constraint app_user_roles_known check (roles <@ array['STAFF','SUPERVISOR','MANAGER','AUDITOR','ADMIN']::varchar(32)[]),
  constraint app_user_has_role check (cardinality(roles) > 0)
);

-- Audit trail (R04, R10): append-only and hash-chained.
create table audit_event (
  id             bigserial primary key,
  occurred_at    timestamptz not null,
  username       varchar(64) not null,
  operation      varchar(40) not null,
  resident_id    bigint,
  client_address varchar(64),
  detail         varchar(2000),
  previous_hash  char(64) not null,
  hash           char(64) not null unique
);
create index audit_event_user_time on audit_event (username, occurred_at);
create index audit_event_resident_time on audit_event (resident_id, occurred_at) where resident_id is not null;
create index audit_event_operation_time on audit_event (operation, occurred_at);

create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_refuse_change();

-- Residents: identification and contact items of the 予防接種ファイル. 個人番号 only encrypted, with a keyed hash to find it.
create table resident (
  id                  bigserial primary key,
  addressee_number    varchar(10) not null unique,
  my_number_cipher    bytea,
  my_number_hash      bytea unique,
  family_name_kanji   varchar(50) not null,
  given_name_kanji    varchar(50) not null,
  family_name_kana    varchar(50) not null,
  given_name_kana     varchar(50) not null,
  birth_date          date not null,
  sex                 varchar(6) not null check (sex in ('MALE','FEMALE')),
  postal_code         varchar(8),
  address             varchar(200) not null,
  phone               varchar(20),
  household_number    varchar(12),
  relationship        varchar(20),
  household_head_name varchar(100),
  status              varchar(16) not null check (status in ('REGISTERED','NON_RESIDENT','MOVED_OUT','DECEASED')),
  source              varchar(32) not null check (source in ('RESIDENT_REGISTER_FEED','RESIDENT_NETWORK_CS','STAFF_ENTRY','SYNTHETIC_DEMO')),
  search_text         text not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  version             integer not null default 0,
  constraint resident_my_number_pair check ((my_number_cipher is null) = (my_number_hash is null))
);
-- No trigram index on search_text: with the cluster's C locale pg_trgm sees no letters in kana or kanji, and
-- a plan that still picks such an index rechecks every row (measured by the city-scale benchmark: a name
-- search twice as slow). Names are searched by a parallel scan (~60 ms at 200,000 residents); an index is
-- worth adding only with a Unicode-aware LC_CTYPE and search terms of three characters or more.
create index resident_birth_date on resident (birth_date);
create index resident_household on resident (household_number);

-- 住登外者確認 (R02): the non-resident confirmation case, with the identity data looked up in 市町村CS.
create table non_resident_case (
  id                 bigserial primary key,
  status             varchar(20) not null,
  query_name_kana    varchar(100) not null,
  query_birth_date   date not null,
  query_sex          varchar(6) not null check (query_sex in ('MALE','FEMALE')),
  query_reason       varchar(500) not null,
  requested_by       varchar(64) not null,
  created_at         timestamptz not null default now(),
  lookup_outcome     varchar(20),
  answered_at        timestamptz,
  found_family_name_kanji varchar(50),
  found_given_name_kanji  varchar(50),
  found_family_name_kana  varchar(50),
  found_given_name_kana   varchar(50),
  found_birth_date   date,
  found_sex          varchar(6),
  found_address      varchar(200),
  found_my_number_cipher bytea,
  found_my_number_hash   bytea,
  resident_id        bigint references resident (id),
  version            integer not null default 0
);

-- Task read model: one row per user task, maintained inside the engine's transaction.
create table task_view (
  id                    varchar(64) primary key,
  process_instance_id   varchar(64) not null,
  process_definition_id varchar(128) not null,
  process_key           varchar(100) not null,
  process_name          varchar(200) not null,
  task_key              varchar(100) not null,
  name                  varchar(200) not null,
  case_id               varchar(64),
  assignee              varchar(64),
  candidate_groups      varchar(64)[] not null default '{}',
  candidate_users       varchar(64)[] not null default '{}',
  status                varchar(12) not null check (status in ('OPEN','COMPLETED','DELETED')),
  created_at            timestamptz not null,
  due_at                timestamptz,
  ended_at              timestamptz,
  completed_by          varchar(64),
  submission            jsonb
);
create index task_view_open_groups on task_view using gin (candidate_groups) where status = 'OPEN' and assignee is null;
create index task_view_open_group_order on task_view (created_at, id) where status = 'OPEN' and assignee is null;
create index task_view_open_assignee on task_view (assignee, created_at, id) where status = 'OPEN';
create index task_view_instance on task_view (process_instance_id, task_key);

create sequence addressee_number_seq;
