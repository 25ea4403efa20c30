-- V50 for the append-only tables that came after it (VRS, provision outside the network): the runtime role cannot
-- update or delete their rows, and retention (R27) deletes them only through these functions, run as the owner, and
-- only for ended cases. The set_config flag their triggers trusted could be set by any connection.
revoke update, delete on vrs_mover_consent, vrs_mover_query_event, vrs_certificate_event, outside_provision_event
  from immunization_runtime;

create function expire_vrs_mover_query_records(query_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
declare events integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from vrs_mover_consent c using vrs_mover_query q
   where q.id = c.query_id and q.id = any (query_ids) and q.status in ('RECORDED', 'REJECTED', 'CLOSED');
  get diagnostics deleted = row_count;
  delete from vrs_mover_query_event e using vrs_mover_query q
   where q.id = e.query_id and q.id = any (query_ids) and q.status in ('RECORDED', 'REJECTED', 'CLOSED');
  get diagnostics events = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted + events;
end $$;

create function expire_vrs_certificate_events(certificate_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from vrs_certificate_event e using vrs_certificate c
   where c.id = e.certificate_id and c.id = any (certificate_ids) and c.status in ('ISSUED', 'REJECTED');
  get diagnostics deleted = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted;
end $$;

create function expire_outside_provision_events(provision_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from outside_provision_event e using outside_provision p
   where p.id = e.provision_id and p.id = any (provision_ids) and p.status in ('SENT', 'REJECTED', 'WITHDRAWN');
  get diagnostics deleted = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted;
end $$;

revoke all on function expire_vrs_mover_query_records(bigint[]), expire_vrs_certificate_events(bigint[]),
  expire_outside_provision_events(bigint[]) from public;
grant execute on function expire_vrs_mover_query_records(bigint[]), expire_vrs_certificate_events(bigint[]),
  expire_outside_provision_events(bigint[]) to immunization_runtime;

-- A provision itself may go once it has ended: while its timeline is there (which only the owner's function above
-- removes) its foreign key keeps it, so the flag is no longer needed, nor trusted.
create or replace function outside_provision_frozen() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status in ('SENT', 'REJECTED', 'WITHDRAWN') then
      return old;
    end if;
    raise exception 'R13: outside provision % has not ended and is never deleted', old.id;
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
