-- Notes staff and supervisors add to a case (any process), append-only: the database refuses changes.
create table case_note (
  id          bigserial primary key,
  process_key varchar(100) not null,
  case_id     varchar(64) not null,
  body        varchar(2000) not null check (length(btrim(body)) > 0),
  author      varchar(64) not null,
  created_at  timestamptz not null
);
create index case_note_case on case_note (process_key, case_id, created_at, id);
create function case_note_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case_note is append-only';
end $$;
create trigger case_note_no_change before update or delete on case_note
  for each row execute function case_note_append_only();

-- Notices to users: new work in their groups, a step given to them, an approval waiting, a case sent back. They
-- hold a kind, a step name and a link only, never a resident's data.
create table task_notice (
  id         bigserial primary key,
  username   varchar(64) not null,
  kind       varchar(20) not null check (kind in ('NEW_WORK', 'ASSIGNED', 'APPROVAL', 'SENT_BACK')),
  message    varchar(200) not null,
  task_id    varchar(64),
  created_at timestamptz not null,
  read_at    timestamptz
);
create index task_notice_unread on task_notice (username, id) where read_at is null;
create index task_notice_user on task_notice (username, id);

-- When each user last looked at their notices: new work in their groups is counted from then.
create table task_notice_seen (
  username varchar(64) primary key,
  seen_at  timestamptz not null
);
