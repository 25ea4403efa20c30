-- Administrators create accounts and change their access (department, roles, permissions); access_version makes a
-- change made on a stale screen fail instead of undoing another administrator's change.
alter table app_user add column access_version integer not null default 0;
