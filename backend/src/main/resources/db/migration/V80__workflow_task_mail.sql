-- E-mail notices of new tasks (optional per city, off by default): the address a user gave for them, and up to when
-- the last message counted. A message says only how many new tasks there are and links to the task list; the
-- address is the staff member's own and is deleted when they stop the notices.
create table task_mail_subscription (
  username      varchar(64) primary key,
  address       varchar(254) not null check (address ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  subscribed_at timestamptz not null,
  counted_until timestamptz not null
);
