-- Owner: vaccination. Everyone who corrected or excluded a batch's rows: they worked on the batch, so the four-eyes
-- rule keeps each of them from approving it (a row's corrected_by keeps only the last one).
create table dose_batch_changer (
  batch_id  bigint not null references dose_batch (id) on delete cascade,
  username  varchar(64) not null,
  primary key (batch_id, username)
);
