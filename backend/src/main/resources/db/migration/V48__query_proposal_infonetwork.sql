-- Owner: infonetwork. 情報照会 proposed to staff when a resident moves in (転入 from the register feed): the doses given
-- by the previous municipality can be asked for through the network. Staff start the pre-filled query (which still
-- needs a supervisor's approval) or dismiss the proposal with a note.
create table query_proposal (
  id           bigserial primary key,
  resident_id  bigint not null references resident (id),
  moved_in_on  date not null,
  status       varchar(20) not null check (status in ('OPEN', 'STARTED', 'DISMISSED')),
  created_at   timestamptz not null,
  decided_by   varchar(64),
  decided_at   timestamptz,
  note         varchar(500),
  unique (resident_id, moved_in_on)
);
create index query_proposal_open on query_proposal (created_at) where status = 'OPEN';
