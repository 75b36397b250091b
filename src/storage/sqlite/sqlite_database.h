// SQLite backend: the embedded default.
//
// One database file in WAL mode with synchronous=FULL (a committed write
// survives power loss) and foreign keys on. One writer connection, used by
// one write transaction at a time, and a pool of reader connections that
// read concurrently with the writer.
// Thread-safety: the Database is thread-safe; see database.h.
#pragma once

#include <memory>
#include <string>

#include "storage/database.h"

namespace loket::storage {

struct SqliteOptions {
  std::string path;      // database file; ":memory:" is not supported (readers need a file)
  int readers = 4;       // size of the reader pool
  int busy_timeout_ms = 5000;
};

Result<std::unique_ptr<Database>> OpenSqlite(const SqliteOptions& options);

}  // namespace loket::storage
