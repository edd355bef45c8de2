#!/usr/bin/env bash
# Debian packages the test suite needs beyond PyPI: chromium (the browser the UI tests drive through
# Playwright; `playwright install` cannot download here) and postgresql (a real server for the store
# tests). Installed when missing and we are root (CI); otherwise the tests that need them say so.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# PostgreSQL: the store and corpus tests run against a throwaway cluster of it (tests/postgres_support.py).
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "not root: cannot install ${missing[*]} (the tests that need them will say so)" >&2
  exit 0
fi
echo "installing ${missing[*]} (Debian) ..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
