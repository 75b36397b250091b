#include "storage/migrations.h"

#include <string>

#include "core/log.h"

namespace loket::storage {

Result<int> ApplyMigrations(Database& db, std::span<const Migration> migrations) {
  {
    LOKET_ASSIGN_OR_RETURN(auto tx, db.BeginWrite());
    LOKET_RETURN_IF_ERROR(tx->ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL, PRIMARY KEY (module, version))"));
    LOKET_RETURN_IF_ERROR(tx->Commit());
  }
  int applied = 0;
  for (const Migration& m : migrations) {
    LOKET_ASSIGN_OR_RETURN(auto tx, db.BeginWrite());
    if (db.dialect() == Dialect::kPostgres) {
      // Nodes starting together take turns; SQLite serialises writers already.
      LOKET_RETURN_IF_ERROR(tx->Query("SELECT pg_advisory_xact_lock(7263541)").status());
    }
    LOKET_ASSIGN_OR_RETURN(
        auto rows, tx->Query("SELECT 1 FROM schema_migrations WHERE module = $1 AND version = $2",
                             {std::string(m.module), int64_t{m.version}}));
    if (!rows.empty()) continue;
    std::string_view sql = db.dialect() == Dialect::kSqlite ? m.sqlite : m.postgres;
    Status s = tx->ExecuteScript(sql);
    if (!s.ok()) {
      return Internal("migration " + std::string(m.module) + "/" + std::to_string(m.version) +
                      " failed: " + s.message());
    }
    LOKET_RETURN_IF_ERROR(tx->Execute(
        "INSERT INTO schema_migrations (module, version, name, applied_at) "
        "VALUES ($1, $2, $3, CURRENT_TIMESTAMP)",
        {std::string(m.module), int64_t{m.version}, std::string(m.name)}).status());
    LOKET_RETURN_IF_ERROR(tx->Commit());
    Log(LogLevel::kInfo, "migration_applied",
        std::string(m.module) + "/" + std::to_string(m.version) + " " + std::string(m.name));
    ++applied;
  }
  return applied;
}

}  // namespace loket::storage
