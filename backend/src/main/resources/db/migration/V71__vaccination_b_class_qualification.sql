-- B類 of the 60-64-year-olds (予防接種法施行令第1条の3): influenza, pneumococcal and COVID-19 are routine for them only
-- with a disability of the heart, kidneys or respiratory organs, or of the immune function by HIV, of the degree of
-- 身体障害者障害程度等級 1級. Staff record it from the document they saw (手帳 or a doctor's certificate); it is ended,
-- never deleted, when it no longer holds, so that a dose judged with it can be explained. Owned by vaccination.
create table b_class_qualification (
  id             bigserial primary key,
  resident_id    bigint not null references resident (id),
  impairment     varchar(20) not null check (impairment in ('HEART', 'KIDNEY', 'RESPIRATORY', 'HIV_IMMUNE')),
  evidence       varchar(24) not null check (evidence in ('DISABILITY_CERTIFICATE', 'MEDICAL_CERTIFICATE')),
  evidence_seen_on date not null,
  recorded_by    varchar(64) not null,
  recorded_at    timestamptz not null,
  ended_on       date,
  end_reason     varchar(500),
  ended_by       varchar(64),
  constraint b_class_qualification_end check ((ended_on is null) = (ended_by is null)
      and (ended_on is null or length(btrim(end_reason)) > 0))
);
create index b_class_qualification_resident on b_class_qualification (resident_id) where ended_on is null;
-- One qualification in force per resident and impairment.
create unique index b_class_qualification_one_open on b_class_qualification (resident_id, impairment)
  where ended_on is null;
