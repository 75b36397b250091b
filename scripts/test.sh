#!/usr/bin/env bash
# Sets everything up and runs the whole test suite:
#   unit tests, the storage conformance suite on SQLite and on a throw-away
#   PostgreSQL 15 (started here on loopback, stopped at the end), HTTP
#   integration tests against the real binary, browser tests (Playwright
#   driving Debian's Chromium, axe-core on every page type), and the unit
#   tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh dev

pgdir=$(mktemp -d /tmp/loket-pg.XXXXXX)
cleanup() { scripts/pg-test-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
LOKET_TEST_PG_URL=$(scripts/pg-test-cluster.sh start "$pgdir" | tail -n 1)
export LOKET_TEST_PG_URL
export LOKET_BIN="$root/build/dev/src/app/loket"

echo "== unit, conformance and integration tests"
ctest --preset dev -j"$(nproc)"

echo "== browser tests"
node --test --test-concurrency=1 tests/e2e/

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$(nproc)" --target \
  core_test storage_conformance_test catalogue_test knowledge_test knowledge_parser_test audit_test \
  identity_test applicant_accounts_test auth_test editorial_test oidc_test devidp_test notify_test \
  search_test http_test frontoffice_test
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --preset asan-ubsan -j"$(nproc)"
