-- The two database roles (README, Security: least privilege). Run once as the database administrator in the app's
-- database, e.g. psql -U postgres -d immunization -f database-roles.sql, then give both roles passwords
-- (\password immunization_owner, \password immunization_runtime). The embedded database runs it at every start.
-- immunization_owner owns the schema: the migrations and the engine's schema run as it (spring.flyway.user).
-- immunization_runtime is what the app's connection pool logs in as (spring.datasource.username); the migrations
-- grant it the rows it needs and nothing else.
do $$
begin
  if not exists (select from pg_roles where rolname = 'immunization_owner') then
    create role immunization_owner login;
  end if;
  if not exists (select from pg_roles where rolname = 'immunization_runtime') then
    create role immunization_runtime login;
  end if;
end $$;
alter schema public owner to immunization_owner;
-- Nobody else creates objects in the schema (already so from PostgreSQL 15 on).
revoke create on schema public from public;
