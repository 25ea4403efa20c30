-- Managers' KPI dashboard (module kpi).

-- When the step was last claimed (assignee set), cleared on release: waiting before claim = claimed_at - created_at,
-- working after claim = ended_at - claimed_at. Steps finished before this column existed have none.
alter table task_view add column claimed_at timestamptz;

-- Throughput and cycle times read the steps finished or created in a period by range.
create index task_view_ended_at on task_view (ended_at) where status = 'COMPLETED';
create index task_view_created_at on task_view (created_at);

-- SLA targets set by a manager (business days); without a row the configured default applies.
create table kpi_sla_target (
  scope         varchar(8)   not null check (scope in ('PROCESS', 'TASK')),
  target_key    varchar(100) not null,
  business_days integer      not null check (business_days between 1 and 365),
  updated_by    varchar(64)  not null,
  updated_at    timestamptz  not null,
  primary key (scope, target_key)
);

-- The Japanese business calendar as a table, written at start-up from the rules (weekends, 国民の祝日, 振替休日,
-- 国民の休日, year-end closure 12/29-1/3, configured closure days): ordinal counts the business days up to and
-- including the day, so the business days between two dates are a subtraction inside SQL.
create table kpi_business_day (
  day      date    primary key,
  business boolean not null,
  ordinal  integer not null
);
