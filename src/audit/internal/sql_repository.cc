#include <array>

#include "audit/repository.h"

namespace loket::audit {
namespace {

using storage::Params;
using storage::Row;

// Portable DDL: the same text serves SQLite and PostgreSQL.
constexpr const char* kInit = R"sql(
CREATE TABLE audit_events (
  sequence BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  address TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_actor ON audit_events (actor, sequence);
CREATE INDEX audit_events_object ON audit_events (object_type, object_id, sequence);
CREATE INDEX audit_events_case ON audit_events (case_id, sequence);
CREATE TABLE audit_start (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sequence BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_start (id, sequence, hash) VALUES (1, 0, '');
)sql";

constexpr std::array<storage::Migration, 1> kMigrations = {{
    {"audit", 1, "audit log", kInit, kInit},
}};

constexpr const char* kColumns =
    "sequence, at, actor, action, object_type, object_id, case_id, address, outcome, detail,"
    " previous_hash, hash";

// Appends queue on a lock; should one still lose a race (a deadlock
// reported as a conflict), it builds again on the new end.
constexpr int kAppendAttempts = 5;

Outcome ParseOutcome(const std::string& name) {
  if (name == "success") return Outcome::kSuccess;
  if (name == "denied") return Outcome::kDenied;
  return Outcome::kFailed;
}

Event ReadEvent(const Row& r) {
  Event e;
  e.sequence = r.Int(0);
  e.at = r.Text(1);
  e.entry = {
      r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), ParseOutcome(r.Text(8)),
      r.Text(9)};
  e.previous_hash = r.Text(10);
  e.hash = r.Text(11);
  return e;
}

class SqlAuditRepository final : public AuditRepository {
 public:
  explicit SqlAuditRepository(storage::Database& db) : db_(db) {}

  Result<Event> Append(const std::function<Event(const Anchor& end)>& make) override {
    Status last;
    for (int attempt = 0; attempt < kAppendAttempts; ++attempt) {
      auto appended = TryAppend(make);
      if (appended.ok()) return appended;
      last = appended.status();
      if (last.code() != StatusCode::kAlreadyExists && last.code() != StatusCode::kConflict) {
        return last;
      }
    }
    return last;
  }

  Result<std::vector<Event>> Search(const Query& q) override {
    std::string sql = std::string("SELECT ") + kColumns + " FROM audit_events WHERE 1 = 1";
    Params params;
    auto where = [&](const char* column, const char* op, const std::optional<std::string>& v) {
      if (!v) return;
      params.push_back(*v);
      sql += std::string(" AND ") + column + " " + op + " $" + std::to_string(params.size());
    };
    where("actor", "=", q.actor);
    where("action", "=", q.action);
    where("object_type", "=", q.object_type);
    where("object_id", "=", q.object_id);
    where("case_id", "=", q.case_id);
    where("at", ">=", q.from);
    where("at", "<=", q.until);
    params.push_back(static_cast<int64_t>(q.limit));
    params.push_back(static_cast<int64_t>(q.offset));
    sql += " ORDER BY sequence DESC LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" +
           std::to_string(params.size());
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows, tx->Query(sql, params));
    std::vector<Event> out;
    for (const Row& r : rows) out.push_back(ReadEvent(r));
    return out;
  }

  Result<std::vector<Event>> After(int64_t sequence, size_t limit) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(
        auto rows,
        tx->Query(std::string("SELECT ") + kColumns +
                      " FROM audit_events WHERE sequence > $1 ORDER BY sequence LIMIT $2",
                  {sequence, static_cast<int64_t>(limit)}));
    std::vector<Event> out;
    for (const Row& r : rows) out.push_back(ReadEvent(r));
    return out;
  }

  Result<Anchor> Start() override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows, tx->Query("SELECT sequence, hash FROM audit_start"));
    if (rows.empty()) return Internal("audit_start has no row");
    return Anchor{rows[0].Int(0), rows[0].Text(1)};
  }

  Result<size_t> RemoveBefore(const std::string& at) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query("SELECT sequence, hash FROM audit_events WHERE sequence ="
                                     " (SELECT MAX(sequence) FROM audit_events WHERE at < $1)",
                                     {at}));
    if (rows.empty()) return size_t{0};
    int64_t sequence = rows[0].Int(0);
    LOKET_ASSIGN_OR_RETURN(
        int64_t removed, tx->Execute("DELETE FROM audit_events WHERE sequence <= $1", {sequence}));
    LOKET_RETURN_IF_ERROR(
        tx->Execute("UPDATE audit_start SET sequence = $1, hash = $2 WHERE id = 1",
                    {sequence, rows[0].Text(1)})
            .status());
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return static_cast<size_t>(removed);
  }

 private:
  Result<Event> TryAppend(const std::function<Event(const Anchor& end)>& make) {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    // Appenders queue on the start row's lock (SQLite has one writer
    // anyway), so the end read below stays the end until this commits.
    LOKET_RETURN_IF_ERROR(
        tx->Execute("UPDATE audit_start SET sequence = sequence WHERE id = 1").status());
    LOKET_ASSIGN_OR_RETURN(auto rows, tx->Query("SELECT sequence, hash FROM audit_events"
                                                " ORDER BY sequence DESC LIMIT 1"));
    if (rows.empty()) {
      LOKET_ASSIGN_OR_RETURN(rows, tx->Query("SELECT sequence, hash FROM audit_start"));
      if (rows.empty()) return Internal("audit_start has no row");
    }
    Event e = make(Anchor{rows[0].Int(0), rows[0].Text(1)});
    const Entry& x = e.entry;
    LOKET_RETURN_IF_ERROR(
        tx->Execute(
              std::string("INSERT INTO audit_events (") + kColumns +
                  ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
              {e.sequence, e.at, x.actor, x.action, x.object_type, x.object_id, x.case_id,
               x.address, std::string(OutcomeName(x.outcome)), x.detail, e.previous_hash, e.hash})
            .status());
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return e;
  }

  storage::Database& db_;
};

}  // namespace

std::unique_ptr<AuditRepository> NewSqlAuditRepository(storage::Database& db) {
  return std::make_unique<SqlAuditRepository>(db);
}

std::span<const storage::Migration> AuditMigrations() { return kMigrations; }

}  // namespace loket::audit
