-- Counts of open steps kept as task_view changes, in the same transaction (issue 19): the inbox's counts summed the
-- heap rows of every open step of the user's groups on every request (10,000 at city scale), the SLA metric and the
-- KPI dashboard grouped every open step by day (100,000). Here each change of an open step's counted key appends a
-- delta row (-1 for the key it leaves, +1 for the key it enters), so concurrent completions never wait for one row
-- per group; readers sum the rows of their keys, and TaskCounts compacts the deltas into one row per key.

-- For the inbox: whose step it is and the day it is due (Japan's day; the clock-dependent buckets are summed by day
-- and the current day is counted exactly from task_view).
create table task_count (
  id               bigserial primary key,
  candidate_groups varchar(64)[] not null,
  candidate_users  varchar(64)[] not null,
  assignee         varchar(64),
  due_day          date,
  steps            integer not null
);

-- For the SLA metric and the KPIs: the step, whose it is and the day it was created (Japan's day).
create table open_step_count (
  id               bigserial primary key,
  process_key      varchar(100) not null,
  process_name     varchar(200) not null,
  task_key         varchar(100) not null,
  task_name        varchar(200) not null,
  candidate_groups varchar(64)[] not null,
  assignee         varchar(64),
  created_day      date not null,
  steps        integer not null
);

-- Compaction leaves a table's deltas dead: vacuumed after a thousand of them, not after a fifth of the table, so that
-- readers never step over thousands of dead rows for a few live ones.
alter table task_count set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
alter table open_step_count set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

-- OLD is null on INSERT and NEW on DELETE (PostgreSQL 11 and later): a null row is not open and counts nothing. A
-- change that keeps the step open under the same key nets to zero and writes nothing.
create function task_view_count_change() returns trigger language plpgsql as $$
begin
  insert into task_count (candidate_groups, candidate_users, assignee, due_day, steps)
  select candidate_groups, candidate_users, assignee, due_day, sum(steps)
  from (select old.candidate_groups, old.candidate_users, old.assignee,
               (old.due_at at time zone 'Asia/Tokyo')::date, -1 where old.status = 'OPEN'
        union all
        select new.candidate_groups, new.candidate_users, new.assignee,
               (new.due_at at time zone 'Asia/Tokyo')::date, 1 where new.status = 'OPEN')
       as change (candidate_groups, candidate_users, assignee, due_day, steps)
  group by 1, 2, 3, 4 having sum(steps) <> 0;
  insert into open_step_count (process_key, process_name, task_key, task_name, candidate_groups, assignee,
                               created_day, steps)
  select process_key, process_name, task_key, task_name, candidate_groups, assignee, created_day, sum(steps)
  from (select old.process_key, old.process_name, old.task_key, old.name, old.candidate_groups, old.assignee,
               (old.created_at at time zone 'Asia/Tokyo')::date, -1 where old.status = 'OPEN'
        union all
        select new.process_key, new.process_name, new.task_key, new.name, new.candidate_groups, new.assignee,
               (new.created_at at time zone 'Asia/Tokyo')::date, 1 where new.status = 'OPEN')
       as change (process_key, process_name, task_key, task_name, candidate_groups, assignee, created_day, steps)
  group by 1, 2, 3, 4, 5, 6, 7 having sum(steps) <> 0;
  return null;
end $$;

create trigger task_view_counted_insert_delete after insert or delete on task_view
  for each row execute function task_view_count_change();
-- Updates that touch no counted column (a form's submission, claimed_at) do not fire it at all.
create trigger task_view_counted_update after update on task_view for each row
  when ((old.status, old.assignee, old.candidate_groups, old.candidate_users, old.due_at, old.process_key,
         old.process_name, old.task_key, old.name, old.created_at)
        is distinct from (new.status, new.assignee, new.candidate_groups, new.candidate_users, new.due_at,
                          new.process_key, new.process_name, new.task_key, new.name, new.created_at))
  execute function task_view_count_change();

insert into task_count (candidate_groups, candidate_users, assignee, due_day, steps)
select candidate_groups, candidate_users, assignee, (due_at at time zone 'Asia/Tokyo')::date, count(*)
from task_view where status = 'OPEN' group by 1, 2, 3, 4;
insert into open_step_count (process_key, process_name, task_key, task_name, candidate_groups, assignee, created_day,
                             steps)
select process_key, process_name, task_key, name, candidate_groups, assignee, (created_at at time zone 'Asia/Tokyo')::date,
       count(*)
from task_view where status = 'OPEN' group by 1, 2, 3, 4, 5, 6, 7;
