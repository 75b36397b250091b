// Storage of the audit log. Only the audit module uses these tables.
// Thread-safety: implementations are thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "core/status.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace loket::audit {

// Where the stored chain starts: after retention removed events, the last
// removed event's sequence and hash.
struct Anchor {
  int64_t sequence = 0;
  std::string hash;  // "" at the very start
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;

  // Appends the event `make` builds from the chain's current end (its last
  // sequence and hash) in one transaction; a concurrent append makes this
  // one build again on the new end.
  virtual Result<Event> Append(const std::function<Event(const Anchor& end)>& make) = 0;
  virtual Result<std::vector<Event>> Search(const Query& query) = 0;
  // Events after `sequence` in order, at most `limit`.
  virtual Result<std::vector<Event>> After(int64_t sequence, size_t limit) = 0;
  virtual Result<Anchor> Start() = 0;
  // Removes the events recorded before `at` and moves the start past them.
  virtual Result<size_t> RemoveBefore(const std::string& at) = 0;
};

std::unique_ptr<AuditRepository> NewSqlAuditRepository(storage::Database& db);
std::span<const storage::Migration> AuditMigrations();

}  // namespace loket::audit
