#!/usr/bin/env bash
# Installs (if missing) and starts Debian's PostgreSQL, and creates the test role and database.
# Prints the URL for SQLAGEN_TEST_POSTGRES_URL on its last line. Idempotent; needs root (as CI is).
#
# usage: start-postgres.sh
set -euo pipefail

readonly ROLE=sqlagen PASSWORD=sqlagen DATABASE=sqlagen_test

log() { echo "start-postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (it installs and starts the Debian cluster)"
  exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  log "installing PostgreSQL from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  log "starting cluster $version/$cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $*"; }

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname = '$ROLE'\"")" != "1" ]; then
  psql_admin "-c \"create role $ROLE login superuser password '$PASSWORD'\""
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname = '$DATABASE'\"")" != "1" ]; then
  psql_admin "-c \"create database $DATABASE owner $ROLE\""
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
