#!/usr/bin/env bash
# Installs the UI's npm dependencies from the committed lockfile, when they
# are missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/../ui"
stamp=node_modules/.package-lock.json
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" ]]; then
  npm ci --no-audit --no-fund
fi
