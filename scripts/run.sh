#!/usr/bin/env bash
# Quick start (README): install the runtime dependencies and serve the dashboard; extra arguments go to
# `streamlit run app.py`, e.g.  bash scripts/run.sh --server.port 8502
# It listens on 127.0.0.1 only (.streamlit/config.toml); to be reached from other machines, e.g. on a test LAN:
#   bash scripts/run.sh --server.address 0.0.0.0      (in production a reverse proxy instead: docs/deploy.md)
# Without DATABASE_URL the app creates and fills its embedded demo database on first start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=${PYTHON:-$(command -v python3 || command -v python)}
# Debian's own python3 refuses pip installs outside a virtualenv (PEP 668); see scripts/test.sh.
if "$PY" -c 'import sys, sysconfig, os; sys.exit(not (sys.prefix == sys.base_prefix and os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))))'; then
    export PIP_BREAK_SYSTEM_PACKAGES=1
fi
"$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore --progress-bar off -r requirements.txt
exec "$PY" -m streamlit run app.py "$@"
