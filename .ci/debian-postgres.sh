#!/usr/bin/env bash
# Starts Debian's PostgreSQL server (the oldest major version the portal supports, see README) in a
# temporary directory on a free port, with a login role that owns its database and may create others,
# as a managed PostgreSQL would give it: prints the DATABASE_URL to use. The role may end other sessions
# (pg_signal_backend, as a managed service's admin role may): each test file's database is dropped WITH
# (FORCE), which must also end an autovacuum worker busy in it, a process of no role. `.ci/debian-postgres.sh stop DIR`
# stops it and removes the directory. Installs the server with apt-get when it is missing.
set -euo pipefail

PG_MAJOR=15
BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  as_postgres "$BIN/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null || true
  rm -rf "$2"
  exit 0
fi

if [ ! -x "$BIN/postgres" ]; then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
  $SUDO apt-get update -qq >&2
  # Debian 12's postgresql is PostgreSQL 15 with its contrib modules (pg_trgm).
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "postgresql-$PG_MAJOR" >&2
fi

dir=$(mktemp -d /tmp/pannello-ci-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
as_postgres "$BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null
as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
as_postgres "$BIN/psql" -q -h "$dir" -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE pannello LOGIN PASSWORD 'pannello-ci' CREATEDB" \
  -c "GRANT pg_signal_backend TO pannello" \
  -c "CREATE DATABASE pannello OWNER pannello" >&2
echo "PG_DIR=$dir"
echo "DATABASE_URL=postgres://pannello:pannello-ci@127.0.0.1:$port/pannello"
