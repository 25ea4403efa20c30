-- The task list's orders and views beside creation order: by due date (undated steps last) and the 90 days of
-- "completed by me".
create index task_view_open_by_due on task_view ((coalesce(due_at, timestamptz '9999-12-31 00:00:00+00')), id)
  where status = 'OPEN';
create index task_view_completed_by on task_view (completed_by, ended_at, id) where status = 'COMPLETED';
create index task_view_open_process on task_view (process_name, created_at, id) where status = 'OPEN';

-- Saved task-list filters: a user's own (department_code null) or shared with a department by its supervisor.
-- criteria holds the list's query parameters only (view, process, step, due state, dates, sort), never a resident.
create table task_saved_filter (
  id              bigserial primary key,
  name            varchar(40) not null,
  owner           varchar(64) not null,
  department_code varchar(32) references department (code),
  criteria        jsonb not null,
  created_at      timestamptz not null
);
create unique index task_saved_filter_own_name on task_saved_filter (owner, name) where department_code is null;
create unique index task_saved_filter_shared_name on task_saved_filter (department_code, name)
  where department_code is not null;

-- Absences of staff (from/to, both days included) with the colleague who stands in. The task list shows them to
-- the absent user's supervisors beside the steps they hold.
create table task_absence (
  id         bigserial primary key,
  username   varchar(64) not null,
  starts_on  date not null,
  ends_on    date not null,
  stand_in   varchar(64),
  created_by varchar(64) not null,
  created_at timestamptz not null,
  check (ends_on >= starts_on),
  check (stand_in is null or stand_in <> username)
);
create index task_absence_user on task_absence (username, ends_on);
