-- Outreach (個別勧奨): cohort search by district, CSV export and 予診票 issuance.

-- Permissions of their own, beside the roles (R12): EXPORT (CSV出力) and PRINT (帳票印刷). A later permission
-- matrix adds values here and to security.Permission.
alter table app_user add column permissions varchar(32)[] not null default '{}';
alter table app_user add constraint app_user_permissions_known
  check (permissions <@ array['EXPORT','PRINT','REVEAL_MY_NUMBER']::varchar(32)[]);

-- The district (地区) of an address: its 町名, e.g. 埼玉県架空市本町1丁目2番3号 → 本町. Taken after the prefecture and
-- the city (…市); for addresses outside cities after the county and town (…郡…町/村) or the Tokyo ward (…区);
-- up to the first number, 丁目 in kanji numerals, or space. A designated city's ward is dropped too. A city whose
-- own name ends in 市 after another 市 (四日市市) would need this function adjusted. No 町名: null.
create function resident_district(address text) returns varchar(60)
language sql immutable parallel safe returns null on null input as $$
  select nullif(left(substring(
    regexp_replace(regexp_replace(
      regexp_replace(btrim(address), '^(東京都|北海道|京都府|大阪府|[^0-9０-９ 　]{2,3}県)', ''),
      '^[^0-9０-９ 　]+?市', ''),
      '^([^0-9０-９ 　]+?郡[^0-9０-９ 　]+?[町村]|[^0-9０-９ 　]+?区)', ''),
    '^([^0-9０-９ 　]*?)([一二三四五六七八九十]+丁目|[0-9０-９ 　]|$)'), 60), '')
$$;

-- Stored, so that it follows every change of address without any code keeping it up to date.
alter table resident add column district varchar(60) generated always as (resident_district(address)) stored;
-- Cohort searches narrow by district and birth-date range (age band) before any eligibility table is evaluated.
create index resident_district_birth_date on resident (district, birth_date);

-- 予診票 issued to a resident: one row per resident and sheet, the batch groups one print run.
create table questionnaire_issuance (
  id            bigserial primary key,
  batch_id      uuid not null,
  resident_id   bigint not null references resident (id),
  vaccine       varchar(40) not null,        -- vaccine code of the eligibility service, e.g. MR
  dose_category varchar(40),                 -- 接種区分 printed on the sheet, e.g. 2期
  issued_at     timestamptz not null,
  issued_by     varchar(64) not null
);
create index questionnaire_issuance_resident on questionnaire_issuance (resident_id, vaccine, issued_at);
create index questionnaire_issuance_batch on questionnaire_issuance (batch_id);
