#!/usr/bin/env bash
# Installs npm dependencies from the committed lockfiles, when they are
# missing or older than the lockfile: the UI's, and with --test also the
# Open XML validator the PPTX tests run (tests/ooxml).
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=(ui)
[[ "${1:-}" == "--test" ]] && dirs+=(tests/ooxml)
for dir in "${dirs[@]}"; do
  stamp=$dir/node_modules/.package-lock.json
  if [[ ! -f "$stamp" || $dir/package-lock.json -nt "$stamp" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done
