-- Owner: resident. When the register says a resident moved out or died while cases of theirs are open, staff decide
-- what becomes of those cases (ResidentDepartureReview).
create table departure_review (
  id           bigserial primary key,
  resident_id  bigint not null references resident (id),
  change       varchar(24) not null,
  left_on      date not null,
  status       varchar(12) not null check (status in ('OPEN', 'DECIDED')),
  open_tasks   integer not null,
  decision     varchar(10) check (decision in ('WITHDRAW', 'CONTINUE')),
  note         varchar(1000),
  decided_by   varchar(64),
  decided_at   timestamptz,
  created_at   timestamptz not null,
  version      integer not null default 0
);
create index departure_review_resident on departure_review (resident_id);
