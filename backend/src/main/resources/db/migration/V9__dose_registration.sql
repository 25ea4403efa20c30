-- Reference data for registering doses from 予診票, and the ex-officio corrections of dose records (R05).
-- Vaccines are the codes of the application's Vaccine enum; the dose categories (接種区分) a vaccine allows,
-- with the shortest interval after the previous dose of the same series, are data a city can maintain.
create table dose_category (
  vaccine                   varchar(30) not null,
  category                  varchar(40) not null,
  sequence                  smallint not null,
  min_days_after_previous   smallint not null default 0,
  min_months_after_previous smallint not null default 0,
  min_days_after_first      smallint not null default 0,
  primary key (vaccine, category)
);

insert into dose_category (vaccine, category, sequence, min_days_after_previous, min_months_after_previous,
                           min_days_after_first) values
  ('BCG', '1回', 1, 0, 0, 0),
  ('HEPATITIS_B', '1回目', 1, 0, 0, 0), ('HEPATITIS_B', '2回目', 2, 27, 0, 0), ('HEPATITIS_B', '3回目', 3, 0, 0, 139),
  ('HIB', '初回1回目', 1, 0, 0, 0), ('HIB', '初回2回目', 2, 27, 0, 0), ('HIB', '初回3回目', 3, 27, 0, 0),
  ('HIB', '追加', 4, 0, 7, 0),
  ('PNEUMOCOCCAL_CHILD', '初回1回目', 1, 0, 0, 0), ('PNEUMOCOCCAL_CHILD', '初回2回目', 2, 27, 0, 0),
  ('PNEUMOCOCCAL_CHILD', '初回3回目', 3, 27, 0, 0), ('PNEUMOCOCCAL_CHILD', '追加', 4, 60, 0, 0),
  ('PENTAVALENT', '1期初回1回目', 1, 0, 0, 0), ('PENTAVALENT', '1期初回2回目', 2, 20, 0, 0),
  ('PENTAVALENT', '1期初回3回目', 3, 20, 0, 0), ('PENTAVALENT', '1期追加', 4, 0, 6, 0),
  ('MR', '1期', 1, 0, 0, 0), ('MR', '2期', 2, 0, 0, 0),
  ('VARICELLA', '1回目', 1, 0, 0, 0), ('VARICELLA', '2回目', 2, 0, 3, 0),
  ('JAPANESE_ENCEPHALITIS', '1期初回1回目', 1, 0, 0, 0), ('JAPANESE_ENCEPHALITIS', '1期初回2回目', 2, 6, 0, 0),
  ('JAPANESE_ENCEPHALITIS', '1期追加', 3, 0, 6, 0), ('JAPANESE_ENCEPHALITIS', '2期', 4, 0, 0, 0),
  ('DT', '2期', 1, 0, 0, 0),
  ('HPV', '1回目', 1, 0, 0, 0), ('HPV', '2回目', 2, 27, 0, 0), ('HPV', '3回目', 3, 0, 3, 0),
  ('ROTAVIRUS', '1回目', 1, 0, 0, 0), ('ROTAVIRUS', '2回目', 2, 27, 0, 0), ('ROTAVIRUS', '3回目', 3, 27, 0, 0),
  ('INFLUENZA_ELDERLY', '1回', 1, 0, 0, 0),
  ('PNEUMOCOCCAL_ELDERLY', '1回', 1, 0, 0, 0),
  ('COVID', '1回', 1, 0, 0, 0),
  ('MUMPS', '1回目', 1, 0, 0, 0), ('MUMPS', '2回目', 2, 27, 0, 0);

-- 医療機関, 医師 and 実施場所 as the city's contracts list them. The rows below are synthetic starter data for a
-- new installation; a city replaces them with its own lists.
create table medical_institution (
  id      varchar(20) primary key,
  name    varchar(100) not null,
  active  boolean not null default true
);

create table doctor (
  id             varchar(20) primary key,
  institution_id varchar(20) not null references medical_institution (id),
  name           varchar(50) not null,
  active         boolean not null default true
);

create table vaccination_place (
  id     varchar(20) primary key,
  name   varchar(100) not null,
  active boolean not null default true
);

insert into medical_institution (id, name, active) values
  ('1110101', 'さくら小児科クリニック', true),
  ('1110102', 'ひまわりこどもクリニック', true),
  ('1110103', '市立中央病院', true),
  ('1110104', 'みなみ内科医院', true),
  ('1110105', 'あおば診療所', true),
  ('1110199', 'けやき医院（閉院）', false);

insert into doctor (id, institution_id, name, active) values
  ('D1010101', '1110101', '桜井 一郎', true),
  ('D1010102', '1110101', '桜井 花子', true),
  ('D1010201', '1110102', '日向 健', true),
  ('D1010301', '1110103', '中央 誠', true),
  ('D1010302', '1110103', '市川 涼子', true),
  ('D1010401', '1110104', '南 大輔', true),
  ('D1010501', '1110105', '青葉 恵', true),
  ('D1019901', '1110199', '欅 正', false);

insert into vaccination_place (id, name, active) values
  ('P01', '医療機関（個別接種）', true),
  ('P02', '母子健康センター（集団接種）', true),
  ('P03', '妻沼保健センター（集団接種）', true),
  ('P09', '市外の医療機関', true);

-- How a dose record came to be, and who entered it; batch rows point back to their line in the upload.
alter table dose_record
  add column source        varchar(16) not null default 'MIGRATED' check (source in ('MIGRATED', 'COUNTER', 'BATCH', 'SYNTHETIC_DEMO')),
  add column registered_by varchar(64),
  add column batch_id      bigint,
  add column batch_line    integer,
  add column error_message varchar(500),
  add constraint dose_record_batch_line unique (batch_id, batch_line);

-- 職権修正 (R05): the values before and after, the reason and who made the correction.
create table dose_correction (
  id             bigserial primary key,
  dose_record_id bigint not null references dose_record (id),
  before_content jsonb not null,
  after_content  jsonb not null,
  reason         varchar(500) not null check (length(trim(reason)) > 0),
  corrected_by   varchar(64) not null,
  corrected_at   timestamptz not null
);
create index dose_correction_record on dose_correction (dose_record_id, corrected_at);
