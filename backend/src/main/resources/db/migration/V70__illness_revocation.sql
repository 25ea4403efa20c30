-- 長期療養特例 can be revoked (取消し) once in force: staff propose it with the reason (e.g. the doctor's statement was
-- found not to hold), a supervisor who did not propose it approves; from then on the extensions are no longer in force.
-- Doses given under the extension before the revocation stay routine ones. The case keeps its expiry day (its last
-- extension's end), so that it is kept as long as the doses it made routine may need explaining.
alter table illness_exception drop constraint illness_exception_status_check;
alter table illness_exception add constraint illness_exception_status_check
  check (status in ('AWAITING_APPROVAL', 'SENT_BACK', 'IN_FORCE', 'REJECTED', 'WITHDRAWN', 'REVOCATION_PENDING',
                    'REVOKED'));
alter table illness_exception
  add column revocation_reason      varchar(500),
  add column revocation_proposed_by varchar(64),
  add column revoked_by             varchar(64),
  add column revoked_at             timestamptz,
  -- Four-eyes (DESIGN rule 2): whoever proposed the revocation does not approve it.
  add constraint illness_exception_revocation_four_eyes
    check (revoked_by is null or (revocation_proposed_by is not null and revoked_by <> revocation_proposed_by)),
  add constraint illness_exception_revoked_with_reason
    check (status <> 'REVOKED' or (revoked_by is not null and revocation_reason is not null));
