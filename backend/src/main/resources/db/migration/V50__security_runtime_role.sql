-- Least privilege (README, Security): the app's connections run as immunization_runtime (or a login role that is a
-- member of it), which may read and write rows and nothing more. These migrations run as the schema's owner, so
-- everything they and the engine's schema create later is granted by the default privileges below.
do $$
begin
  -- A database whose administrator runs everything as one role (no separate runtime login) still gets the group role,
  -- if that one role may create roles; otherwise the README's SQL must have created it.
  if not exists (select from pg_roles where rolname = 'immunization_runtime') then
    create role immunization_runtime nologin;
  end if;
end $$;

grant usage on schema public to immunization_runtime;
grant select, insert, update, delete on all tables in schema public to immunization_runtime;
grant usage, select on all sequences in schema public to immunization_runtime;
alter default privileges in schema public grant select, insert, update, delete on tables to immunization_runtime;
alter default privileges in schema public grant usage, select on sequences to immunization_runtime;

-- The migrations' own record is the owner's.
revoke insert, update, delete on flyway_schema_history from immunization_runtime;

-- Append-only tables: their triggers refuse changes, and without the privilege the runtime role cannot even try (a
-- trigger does not fire on TRUNCATE, which is not granted either).
revoke update, delete on audit_event, relief_event, case_note, resident_change, resident_request_event,
  illness_exception_event, wrong_vaccination_event from immunization_runtime;

-- Retention (R27) deletes an ended case's timeline with the case. It was a set_config flag the trigger trusted, which
-- any connection could set; now only these functions, run as the owner, delete timelines, and only of ended cases.
-- The flag stays the triggers' way to tell them apart from the owner's own mistakes.
create function expire_resident_request_events(request_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from resident_request_event e using resident_request r
   where r.id = e.request_id and r.id = any (request_ids) and r.status in ('CLOSED', 'RETURNED');
  get diagnostics deleted = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted;
end $$;

create function expire_illness_exception_events(exception_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from illness_exception_event e using illness_exception x
   where x.id = e.exception_id and x.id = any (exception_ids) and x.status in ('IN_FORCE', 'REJECTED', 'WITHDRAWN');
  get diagnostics deleted = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted;
end $$;

create function expire_wrong_vaccination_events(report_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from wrong_vaccination_event e using wrong_vaccination_report r
   where r.id = e.report_id and r.id = any (report_ids) and r.status = 'REPORTED';
  get diagnostics deleted = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted;
end $$;

revoke all on function expire_resident_request_events(bigint[]), expire_illness_exception_events(bigint[]),
  expire_wrong_vaccination_events(bigint[]) from public;
grant execute on function expire_resident_request_events(bigint[]), expire_illness_exception_events(bigint[]),
  expire_wrong_vaccination_events(bigint[]) to immunization_runtime;
