-- The durable outbox of calls to national and city systems (市町村CS, 中間サーバー, 庁内連携, the Ministry): each call is
-- recorded in the transaction that made it, and one still awaiting its answer is sent again by the relay (after a crash,
-- say) until the answer arrives. The arguments are what was sent, for sending it again; rows go after
-- immunization.outbound.keep.
create table outbound_call (
  id              bigserial primary key,
  system          varchar(40) not null,
  port            varchar(200) not null,
  method          varchar(100) not null,
  request_id      varchar(100) not null,
  arguments       jsonb not null,
  status          varchar(20) not null check (status in ('AWAITING_ANSWER', 'ANSWERED', 'DELIVERED', 'UNANSWERED')),
  created_at      timestamptz not null default now(),
  sent_at         timestamptz not null,
  sends           int not null default 1,
  next_send_at    timestamptz,
  last_error      varchar(200),
  answered_at     timestamptz,
  answers         int not null default 0,
  unique (port, method, request_id)
);
create index outbound_call_due on outbound_call (next_send_at) where status = 'AWAITING_ANSWER';
create index outbound_call_answer on outbound_call (system, request_id);
create index outbound_call_ended on outbound_call (created_at) where status <> 'AWAITING_ANSWER';
