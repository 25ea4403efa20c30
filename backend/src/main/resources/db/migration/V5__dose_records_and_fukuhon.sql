-- 予防接種ファイル: the 25 business items of a dose record (DOMAIN.md 5). Registration, validation and the
-- reference data come with the dose-registration work; the 副本 is prepared from these rows.
create table dose_record (
  id                       bigserial primary key,
  vaccine                  varchar(20) not null,          -- 接種種別
  dose_category            varchar(40) not null,          -- 接種区分 (e.g. 1期初回1回目)
  resident_id              bigint not null references resident (id),  -- 宛名番号 through the resident
  birth_date               date not null,                 -- 生年月日 as recorded with the dose
  sex                      varchar(6) not null check (sex in ('MALE', 'FEMALE')),
  lot_number               varchar(20),                   -- Lot No
  dose_volume_ml           numeric(4, 2),                 -- 接種量
  institution_id           varchar(20),                   -- 接種_医療機関id
  dose_date                date not null,                 -- 接種年月日
  billing_month            char(6),                       -- 請求月 (YYYYMM)
  place_id                 varchar(20),                   -- 実施場所id
  screening_category       varchar(20),                   -- 予診区分
  screening_institution_id varchar(20),                   -- 予診_医療機関id
  screening_doctor_id      varchar(20),                   -- 予診_医師id
  doctor_id                varchar(20),                   -- 接種_医師id
  pre_merger_town          varchar(40),                   -- 合併前市町村
  vaccine_maker            varchar(40),                   -- ワクチン会社
  dt_category              varchar(20),                   -- 二混合区分
  initial_vaccine_category varchar(20),                   -- 初回ワクチン区分
  tuberculin_result        varchar(20),                   -- ツベルクリン判定
  tuberculin_size_v        numeric(4, 1),                 -- 大きさ縦
  tuberculin_size_h        numeric(4, 1),                 -- 大きさ横
  tuberculin_state         varchar(20),                   -- 状態
  error_code               varchar(20),                   -- エラーコード
  remarks                  varchar(500),                  -- 備考
  recorded_at              timestamptz not null default now(),
  version                  integer not null default 0
);
create index dose_record_resident on dose_record (resident_id, dose_date);

-- 副本 registration and correction cases (R21, R22), and every version of a 副本 with who approved it.
create table fukuhon_case (
  id               bigserial primary key,
  kind             varchar(12) not null check (kind in ('REGISTRATION', 'CORRECTION')),
  resident_id      bigint not null references resident (id),
  information_item varchar(40) not null,
  reason           varchar(500) not null,
  proposed_content jsonb not null,
  previous_content jsonb,
  status           varchar(24) not null,
  requested_by     varchar(64) not null,
  requested_at     timestamptz not null,
  approved_by      varchar(64),
  approved_at      timestamptz,
  registered_at    timestamptz,
  version          integer not null default 0
);

create table fukuhon_revision (
  id               bigserial primary key,
  resident_id      bigint not null references resident (id),
  information_item varchar(40) not null,
  case_id          bigint not null unique references fukuhon_case (id),
  before_content   jsonb,
  after_content    jsonb not null,
  approved_by      varchar(64) not null,
  changed_at       timestamptz not null
);
