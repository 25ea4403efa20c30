-- Retention (R27) deletes a resident request's timeline together with the request; nothing else may change or
-- delete it. The retention rule marks its own transaction (set_config('immunization.retention', 'on', true)).
create or replace function resident_request_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('immunization.retention', true) = 'on' then
    return old;
  end if;
  raise exception 'resident_request_event is append-only';
end $$;
