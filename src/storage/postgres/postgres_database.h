// PostgreSQL 15 backend through libpq, for production and scale-out.
//
// A fixed pool of connections; a transaction borrows one for its lifetime.
// Sessions run with synchronous_commit=on. Write transactions are
// READ COMMITTED; a serialisation failure or deadlock surfaces as kConflict.
// Thread-safety: the Database is thread-safe; see database.h.
#pragma once

#include <memory>
#include <string>

#include "storage/database.h"

namespace loket::storage {

struct PostgresOptions {
  std::string url;    // libpq connection string or postgresql:// URL
  int connections = 8;
  int connect_timeout_s = 10;
};

Result<std::unique_ptr<Database>> OpenPostgres(const PostgresOptions& options);

}  // namespace loket::storage
