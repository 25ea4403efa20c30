#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty volume, after 10-database-roles.sql has made the two
# roles (README, Security: least privilege): gives them the passwords from the environment. The psql variables keep
# the passwords out of the command line and are quoted as literals by psql itself.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$OWNER_PASSWORD" -v runtime_password="$RUNTIME_PASSWORD" <<'SQL'
alter role immunization_owner password :'owner_password';
alter role immunization_runtime password :'runtime_password';
SQL
