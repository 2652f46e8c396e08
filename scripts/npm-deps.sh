#!/usr/bin/env bash
# Installs npm dependencies from the committed lockfiles, when they are
# missing or older than the lockfile: the UI's, and with --test also the
# Open XML validator the PPTX tests run (tests/ooxml).
set -euo pipefail
cd "$(dirname "$0")/.."

stale() { [[ ! -f $1/node_modules/.package-lock.json || $1/package-lock.json -nt $1/node_modules/.package-lock.json ]]; }

if stale ui; then
  (cd ui && npm ci --no-audit --no-fund)
fi
# The validator's binaries for other platforms cannot be resolved here, so
# its lockfile lists only the Linux x64 one, and `npm ci` refuses a lockfile
# that lacks optional packages; `npm install` installs what it pins.
if [[ "${1:-}" == "--test" ]] && stale tests/ooxml; then
  (cd tests/ooxml && npm install --no-audit --no-fund)
fi
