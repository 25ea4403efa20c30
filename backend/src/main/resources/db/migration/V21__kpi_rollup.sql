-- Daily roll-ups of the KPI history (module kpi). The dashboard adds up the stored days and computes directly only
-- the days after kpi_rollup_state.rolled_through, so that a fiscal year over years of history stays fast.
-- Counts and durations only, never case or personal data. A task_key of '' is the whole process.

create table kpi_rollup_state (
  singleton      boolean     primary key default true check (singleton),
  rolled_through date        not null,
  rolled_at      timestamptz not null
);

-- Processes and steps started per day (Asia/Tokyo).
create table kpi_day_started (
  day          date         not null,
  process_key  varchar(255) not null,
  task_key     varchar(255) not null,
  process_name varchar(255),
  task_name    varchar(255),
  started      bigint       not null,
  primary key (day, process_key, task_key)
);

-- Processes and steps completed per day and, for a supervisor's step with a decision, by that decision (APPROVE,
-- REJECT, OTHER; '' otherwise). Sums are in seconds; claimed counts the steps with a claim time, over which the waiting
-- and working seconds are summed. Two sparse histograms: how many took each duration bucket, and each number of
-- business days (for SLAs), as parallel arrays of values and counts.
create table kpi_day_completed (
  day                 date             not null,
  process_key         varchar(255)     not null,
  task_key            varchar(255)     not null,
  decision            varchar(8)       not null,
  process_name        varchar(255),
  task_name           varchar(255),
  completed           bigint           not null,
  cycle_seconds       double precision not null,
  claimed             bigint           not null,
  wait_seconds        double precision not null,
  work_seconds        double precision not null,
  duration_buckets    smallint[]       not null,
  duration_counts     bigint[]         not null,
  business_days       integer[]        not null,
  business_day_counts bigint[]         not null,
  primary key (day, process_key, task_key, decision)
);

-- Logarithmic duration buckets: bucket i holds durations in (1.02^(i-1), 1.02^i] seconds, so a percentile read from
-- the buckets is within 1% of the exact one (see DurationSketch).
create function kpi_duration_bucket(seconds double precision) returns smallint
  language sql immutable parallel safe
  as $$ select case when seconds <= 1 then 0 else ceil(ln(seconds) / ln(1.02))::smallint end $$;
