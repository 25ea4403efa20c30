-- Provision outside the information network (R13; assessment Ⅲ-5, 情報提供ネットワークシステム以外の提供), owned by the
-- outsideprovision module: what is given to which body (another municipality, the prefecture, ...), why and on which
-- basis, by which method (paper, an electronic medium, e-mail), confirmed by a second staff member before it is sent,
-- and when and by whom it was sent. Once confirmed, what and to whom cannot change; once sent, nothing can.
create table outside_provision (
  id                 bigserial primary key,
  resident_id        bigint not null references resident (id),
  status             varchar(24) not null check (status in ('AWAITING_CONFIRMATION', 'SENT_BACK', 'CONFIRMED', 'SENT',
                       'REJECTED', 'WITHDRAWN')),
  recipient_kind     varchar(16) not null check (recipient_kind in ('MUNICIPALITY', 'PREFECTURE', 'OTHER')),
  recipient_name     varchar(100) not null check (length(btrim(recipient_name)) > 0),
  -- Where it goes: the postal address or the e-mail address of the recipient's office.
  recipient_contact  varchar(200) not null check (length(btrim(recipient_contact)) > 0),
  method             varchar(12) not null check (method in ('PAPER', 'MEDIUM', 'EMAIL')),
  content            varchar(1000) not null check (length(btrim(content)) > 0),
  purpose            varchar(500) not null check (length(btrim(purpose)) > 0),
  legal_basis        varchar(200) not null check (length(btrim(legal_basis)) > 0),
  recorded_by        varchar(64) not null,
  recorded_at        timestamptz not null,
  revised_by         varchar(64),
  decision_reason    varchar(500),
  confirmed_by       varchar(64),
  confirmed_at       timestamptz,
  sent_on            date,
  sent_by            varchar(64),
  sent_at            timestamptz,
  send_note          varchar(500),
  version            integer not null default 0,
  -- Four-eyes (R13): whoever recorded or corrected it does not confirm it.
  constraint outside_provision_four_eyes check (confirmed_by is null
      or (confirmed_by <> recorded_by and (revised_by is null or confirmed_by <> revised_by))),
  -- Nothing is sent before it is confirmed.
  constraint outside_provision_sent_after_confirmation check (sent_at is null
      or (confirmed_at is not null and sent_at >= confirmed_at and sent_by is not null and sent_on is not null))
);
create index outside_provision_resident on outside_provision (resident_id) include (status);
create index outside_provision_recent on outside_provision (recorded_at desc, id desc);

-- What was confirmed is what is sent: after confirmation the content and the recipient are frozen, after sending the
-- whole record is; a provision is never deleted but by the retention rule (which marks its transaction).
create function outside_provision_frozen() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if current_setting('immunization.retention', true) = 'on' then
      return old;
    end if;
    raise exception 'R13: outside provision % is never deleted', old.id;
  end if;
  if old.sent_at is not null then
    raise exception 'R13: outside provision % was sent and cannot change', old.id;
  end if;
  if old.confirmed_at is not null and (new.resident_id, new.recipient_kind, new.recipient_name, new.recipient_contact,
      new.method, new.content, new.purpose, new.legal_basis, new.recorded_by, new.confirmed_by, new.confirmed_at)
      is distinct from (old.resident_id, old.recipient_kind, old.recipient_name, old.recipient_contact, old.method,
      old.content, old.purpose, old.legal_basis, old.recorded_by, old.confirmed_by, old.confirmed_at) then
    raise exception 'R13: outside provision % was confirmed: its content and recipient cannot change', old.id;
  end if;
  return new;
end $$;
create trigger outside_provision_frozen before update or delete on outside_provision
  for each row execute function outside_provision_frozen();

-- The timeline: append-only; only the retention rule may delete it with the provision.
create table outside_provision_event (
  id             bigserial primary key,
  provision_id   bigint not null references outside_provision (id),
  occurred_at    timestamptz not null,
  kind           varchar(40) not null,
  description    varchar(1000) not null,
  actor          varchar(64) not null
);
create index outside_provision_event_case on outside_provision_event (provision_id, occurred_at, id);
-- One function for every append-only timeline: it names the table it guards, so that a timeline added later reuses
-- it instead of copying it (the older timelines still have their own copies, owned by their modules).
create function timeline_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('immunization.retention', true) = 'on' then
    return old;
  end if;
  raise exception '% is append-only', tg_table_name;
end $$;
create trigger outside_provision_event_no_change before update or delete on outside_provision_event
  for each row execute function timeline_append_only();
