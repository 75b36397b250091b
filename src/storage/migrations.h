// Versioned schema migrations, per module and per dialect.
//
// Each module owns its tables and ships its migrations as a list; app/
// collects every module's list and applies what is missing at start-up or
// with `loket migrate`. Applied migrations are recorded in
// schema_migrations and never change afterwards: a schema change is a new
// migration.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"
#include "storage/database.h"

namespace loket::storage {

struct Migration {
  std::string_view module;
  int version;  // 1, 2, … within the module
  std::string_view name;
  std::string_view sqlite;
  std::string_view postgres;
};

// Applies, in one transaction per migration, every migration not yet
// recorded. Returns the number applied.
Result<int> ApplyMigrations(Database& db, std::span<const Migration> migrations);

}  // namespace loket::storage
