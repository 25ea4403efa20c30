-- R27: the engine's history (process and decision instances) is deleted by the app's own retention rules, not by
-- Camunda's history cleanup, and recorded like every other deletion; the engine names its instances by text ids.
alter table retention_deletion add column deleted_keys text[] not null default '{}';
