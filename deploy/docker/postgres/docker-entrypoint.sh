#!/bin/bash
# First start on an empty PGDATA: create the cluster, the user with its password and the database
# (the official image's POSTGRES_* settings); every start: run the server in the foreground.
set -euo pipefail
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-${POSTGRES_USER}}"

if [[ ! -s "${PGDATA}/PG_VERSION" ]]; then
  pwfile="$(mktemp)"
  printf '%s' "${POSTGRES_PASSWORD}" >"${pwfile}"
  initdb -D "${PGDATA}" -U "${POSTGRES_USER}" --pwfile="${pwfile}" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "${pwfile}"
  echo "host all all all scram-sha-256" >>"${PGDATA}/pg_hba.conf"
  echo "listen_addresses = '*'" >>"${PGDATA}/postgresql.conf"
  if [[ "${POSTGRES_DB}" != "postgres" ]]; then
    # Single-user mode: no server listens before the database exists, so a healthcheck never
    # reports ready too early.
    echo "CREATE DATABASE \"${POSTGRES_DB}\" OWNER \"${POSTGRES_USER}\"" |
      postgres --single -D "${PGDATA}" -j postgres >/dev/null
  fi
  echo "docker-entrypoint: initialised ${PGDATA} with database ${POSTGRES_DB}"
fi
exec postgres -D "${PGDATA}" "$@"
