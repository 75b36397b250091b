// A fresh, empty database for one test, on either backend: a SQLite file in
// a new temporary directory, or a new schema in the PostgreSQL server that
// LOKET_TEST_PG_URL names (scripts/pg-test-cluster.sh starts one). Dropped
// again when the object goes.
// Thread-safety: not thread-safe; one per test.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "storage/database.h"

namespace loket::storage {

class TestDatabase {
 public:
  // `backend` is "sqlite" or "postgres". Without LOKET_TEST_PG_URL a
  // PostgreSQL database is kUnavailable: tests skip it, unless
  // PostgresRequired().
  static Result<std::unique_ptr<TestDatabase>> Create(std::string_view backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // A new handle on the database.
  Result<std::unique_ptr<Database>> Open(int connections = 8) const;

 private:
  TestDatabase() = default;
  std::string dir_;        // SQLite
  std::string admin_url_;  // PostgreSQL
  std::string schema_;
};

// Under CI=true a test without PostgreSQL fails instead of skipping, so
// that CI never silently tests SQLite alone.
bool PostgresRequired();

}  // namespace loket::storage
