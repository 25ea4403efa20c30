-- A revoked 長期療養特例 (V70) has ended like an approved, rejected or withdrawn one: its timeline goes with it when
-- the retention rule deletes the case, through the owner's function (V50), which knew only the other ended states.
create or replace function expire_illness_exception_events(exception_ids bigint[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare deleted integer;
begin
  perform set_config('immunization.retention', 'on', true);
  delete from illness_exception_event e using illness_exception x
   where x.id = e.exception_id and x.id = any (exception_ids)
     and x.status in ('IN_FORCE', 'REJECTED', 'WITHDRAWN', 'REVOKED');
  get diagnostics deleted = row_count;
  perform set_config('immunization.retention', 'off', true);
  return deleted;
end $$;
