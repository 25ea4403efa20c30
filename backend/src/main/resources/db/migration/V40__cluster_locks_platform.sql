-- Nightly and hourly jobs run once across the nodes of a cluster (ShedLock): one row per job, taken on the database's
-- clock, so that the nodes' own clocks do not matter.
create table shedlock (
  name       varchar(64) primary key,
  lock_until timestamp not null,
  locked_at  timestamp not null,
  locked_by  varchar(255) not null
);
