-- Auditor tools (R10-R12, R27).

-- The operation-log search (newest first) and the abnormal-access report select by period and by user; without these
-- they read the whole trail, which grows by every resident view and search hit.
create index audit_event_time on audit_event (occurred_at);
create index audit_event_user on audit_event (username, id);

-- Legal hold: placing and lifting are both recorded with who, when and why; a hold row is never deleted, and once
-- lifted it never changes again.
alter table legal_hold
  add column lift_reason varchar(200),
  add constraint legal_hold_lifted_whole check ((lifted_at is null) = (lifted_by is null)
                                                 and (lift_reason is null or lifted_at is not null));

create function legal_hold_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'legal_hold is never deleted: lift the hold instead';
  end if;
  if old.lifted_at is not null or new.resident_id <> old.resident_id or new.reason <> old.reason
     or new.set_by <> old.set_by or new.set_at <> old.set_at then
    raise exception 'legal_hold can only be lifted, once';
  end if;
  return new;
end $$;
create trigger legal_hold_keep before update or delete on legal_hold
  for each row execute function legal_hold_keep();
create index legal_hold_recent on legal_hold (set_at desc);

-- Retention runs: each nightly (or test) run with the deletions it made and the rules that failed.
create table retention_run (
  id          bigserial primary key,
  started_at  timestamptz not null,
  finished_at timestamptz,
  as_of       date not null,
  deleted     integer not null default 0,
  failed      varchar(40)[] not null default '{}'
);
create index retention_run_recent on retention_run (started_at desc);

alter table retention_deletion add column run_id bigint references retention_run (id);
insert into retention_run (started_at, finished_at, as_of, deleted)
  select ran_at, ran_at, (ran_at at time zone 'Asia/Tokyo')::date, deleted from retention_deletion order by id;
update retention_deletion d set run_id = r.id from retention_run r where r.started_at = d.ran_at;
alter table retention_deletion alter column run_id set not null;
create index retention_deletion_run on retention_deletion (run_id);

-- Since when a resident has had their status: for the moved out and the dead, the day their records' use ended,
-- from which retention periods run. Set by the database whenever the status changes, unless the change says it.
alter table resident add column status_since date;
update resident set status_since = (updated_at at time zone 'Asia/Tokyo')::date;

create function resident_status_since() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    new.status_since := coalesce(new.status_since, (now() at time zone 'Asia/Tokyo')::date);
  elsif new.status is distinct from old.status and new.status_since is not distinct from old.status_since then
    new.status_since := (now() at time zone 'Asia/Tokyo')::date;
  end if;
  return new;
end $$;
create trigger resident_status_since before insert or update of status on resident
  for each row execute function resident_status_since();
create index resident_left on resident (status_since) where status in ('MOVED_OUT', 'DECEASED');
