#!/usr/bin/env bash
# Installs the npm dependencies from the committed lockfiles, when they are
# missing or older than the lockfile: the UI's, and the Open XML validator
# the PPTX tests run (tests/ooxml).
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in ui tests/ooxml; do
  stamp=$dir/node_modules/.package-lock.json
  if [[ ! -f "$stamp" || $dir/package-lock.json -nt "$stamp" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done
