#!/usr/bin/env bash
# Times every export format on a generated 1,000-element map beside Graphviz
# (dot -Tsvg and -Tpng on the same hierarchy), on a release build; with
# --layout, measures the arrangement and routed lines beside dot instead.
# Installs Debian's graphviz package if dot is missing. Figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null; then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "Installing graphviz (the benchmark's peer)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends graphviz >/dev/null
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "$(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p')"
dot -V
what="--export"
[[ "${1:-}" == "--layout" ]] && what="--layout"
cargo run --release -q -p tiermap-cli -- bench "$what" --dir "$dir"
