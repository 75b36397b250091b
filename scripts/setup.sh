#!/usr/bin/env bash
# Installs everything Loket Buitenland needs on Debian 12 and builds it.
#   scripts/setup.sh [PRESET [TARGET…]]   PRESET: release (default), dev, asan-ubsan;
#                                          TARGETs to build (default: all)
# Safe to run again: installed packages and an up-to-date build are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
shift || true
targets=()
for t in "$@"; do targets+=(--target "$t"); done

packages=(
  build-essential cmake ninja-build pkg-config git curl ca-certificates tzdata
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  libxapian-dev libhunspell-dev hunspell-nl libsqlite3-dev libpq-dev postgresql
  nlohmann-json3-dev libkainjow-mustache-dev libhowardhinnant-date-dev
  libsodium-dev liboath-dev libqrencode-dev libcurl4-openssl-dev libssl-dev libgtest-dev libgmock-dev
  libmagic-dev
  python3-aiosmtpd openssl
  chromium wrk nginx-light
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "setup: run as root to install packages" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Front-end styles (NL Design System) and browser-test tools, from the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p web/static/vendor
cp node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css web/static/vendor/design-tokens.css
cp node_modules/@rijkshuisstijl-community/components-css/dist/index.css web/static/vendor/components.css

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" "${targets[@]}"
