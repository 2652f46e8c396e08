#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Tiermap needs to build, run and test,
# only those missing. Uses sudo when not root. Safe to run again.
#   scripts/install-system-deps.sh          build and run
#   scripts/install-system-deps.sh --test   also what the tests need: the end-to-end
#     tests' display and driver; poppler and LibreOffice Impress, which the export
#     tests use to read PDFs and to open the PowerPoint files as a user would, with
#     the font families the exports name (Noto Sans, Noto Sans Arabic, Droid Sans Fallback);
#     strace, with which the crash tests kill the CLI at every write, sync and unlink
set -euo pipefail

packages=(libwebkit2gtk-4.1-dev build-essential pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(xvfb xauth xdotool webkit2gtk-driver dbus-daemon poppler-utils strace libreoffice-impress fonts-noto-core fonts-droid-fallback)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Tiermap needs these packages, and this system has no apt-get: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
