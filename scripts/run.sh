#!/usr/bin/env bash
# Sets everything up and runs Loket Buitenland on the embedded default:
# SQLite and a search index in ./var, loaded with the demo content.
#   scripts/run.sh [loket serve options]   e.g. --demo --port 9000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release loket
exec build/release/src/app/loket serve --data-dir "${LOKET_DATA_DIR:-var}" "$@"
