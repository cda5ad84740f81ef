#!/usr/bin/env bash
# `make demo`: migrate, load the demo organisations/users/strategy (credentials printed), serve
# on http://127.0.0.1:8000/, after writing the demo reports to var/reports/. The SQLite file lives in var/ (SOUSEI_VAR_DIR to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
export SOUSEI_VAR_DIR="${SOUSEI_VAR_DIR:-$PWD/var}"
mkdir -p "$SOUSEI_VAR_DIR"
.venv/bin/sousei-manage migrate --noinput
.venv/bin/sousei-manage load_demo
.venv/bin/sousei-manage demo_reports --out "$SOUSEI_VAR_DIR/reports"
exec .venv/bin/sousei serve --host 127.0.0.1 --port "${SOUSEI_PORT:-8000}" --no-migrate
