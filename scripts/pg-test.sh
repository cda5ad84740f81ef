#!/usr/bin/env bash
# Second pass of tests/web against PostgreSQL: a throwaway cluster from Debian's package,
# created under the temporary directory on a free port, stopped and removed afterwards.
# Skips (exit 0, with a message) when PostgreSQL is not installed. As root the cluster runs
# as the `postgres` user. Arguments, if any, replace `tests/web` (e.g. one test file);
# PYTHON names the interpreter (default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pg-test: PostgreSQL (Debian package) not installed: skipping the PostgreSQL pass" >&2
    exit 0
fi
# The cluster lives under the system's temporary directory, not in the checkout: as root it
# runs as `postgres`, which cannot reach a clone inside a private directory (mktemp -d is 0700).
root=$(mktemp -d "${TMPDIR:-/tmp}/sousei-pgtest.XXXXXX")
run=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$root"
    run=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
    "${run[@]}" "$bindir/pg_ctl" -D "$root/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$root"
}
trap stop EXIT
"${run[@]}" "$bindir/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
"${run[@]}" "$bindir/pg_ctl" -D "$root/data" -l "$root/server.log" -w \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "pg-test: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port"
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/sousei"
if [ "$#" -eq 0 ]; then set -- tests/web; fi
"${PYTHON:-.venv/bin/python}" -m pytest -q -p no:cacheprovider "$@"
