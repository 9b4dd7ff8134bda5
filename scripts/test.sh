#!/usr/bin/env bash
# The test command (README): install what the tests need, run ruff (pyproject.toml), then pytest; extra arguments go
# to pytest.
#   bash scripts/test.sh                  # whole suite (unit, AppTest, PostgreSQL, browser)
#   bash scripts/test.sh -m "not postgres and not browser" -x   # neither PostgreSQL nor Chromium starts
# Installs, each only when missing: Debian packages (PostgreSQL server for the PostgreSQL run of the suite,
# Chromium for the browser tests, fonts for readable screenshots), Python packages (requirements-dev.txt) and the
# npm front-end assets the browser tests serve offline (package-lock.json). Works as root or with sudo, without a
# terminal (CI). Any ruff finding fails the run before pytest starts; otherwise the exit status is pytest's.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '==> %s\n' "$*"; }

# --- Debian packages ------------------------------------------------------------------------------------------
apt_packages=(postgresql chromium fonts-dejavu-core fonts-liberation)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)  # Debian's npm pulls in its nodejs
missing=()
for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
    else
        echo "scripts/test.sh: missing Debian packages ${missing[*]}; install them as root:" >&2
        echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    say "Installing Debian packages: ${missing[*]}"
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- Python packages ------------------------------------------------------------------------------------------
PY=${PYTHON:-$(command -v python3 || command -v python)}
# Debian's own python3 refuses pip installs outside a virtualenv (PEP 668); a throwaway CI machine may install
# into it anyway. Inside a virtualenv or another Python (pyenv, python.org) this changes nothing.
if "$PY" -c 'import sys, sysconfig, os; sys.exit(not (sys.prefix == sys.base_prefix and os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))))'; then
    export PIP_BREAK_SYSTEM_PACKAGES=1
fi
say "Installing Python packages (requirements-dev.txt)"
"$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore --progress-bar off -r requirements-dev.txt

# --- lint (pyproject.toml), before the slower steps ------------------------------------------------------------
say "Running ruff check ."
"$PY" -m ruff check .

# --- npm assets (Leaflet & co. served to the browser tests instead of the CDNs; axe-core) ----------------------
say "Installing npm packages (package-lock.json)"
if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
else
    npm install --no-audit --no-fund --loglevel=error
fi

say "Running pytest $*"
exec "$PY" -m pytest "$@"
