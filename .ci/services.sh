#!/usr/bin/env bash
# Services for the integration and browser tests: PostgreSQL (started, with a test user and database)
# and Chromium. Idempotent; run as root. Prints the database URL on its last line; exports nothing.
#   BLICKWINKEL_TEST_PG_URL=$(.ci/services.sh | tail -n 1)
set -euo pipefail
PG_USER=${PG_USER:-blickwinkel}
PG_PASSWORD=${PG_PASSWORD:-blickwinkel}
PG_DB=${PG_DB:-blickwinkel_test}
PG_PORT=${PG_PORT:-5432}

need=()
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q "${need[@]}" >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
  pg_createcluster "$version" main --port "$PG_PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_admin "select 1 from pg_roles where rolname='$PG_USER'")" != "1" ]; then
  psql_admin "create role $PG_USER login password '$PG_PASSWORD'" >&2
fi
if [ "$(psql_admin "select 1 from pg_database where datname='$PG_DB'")" != "1" ]; then
  psql_admin "create database $PG_DB owner $PG_USER" >&2
fi
echo "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/$PG_DB"
