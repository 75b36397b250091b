#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace loket::storage {
namespace {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  int primary = rc & 0xff;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return AlreadyExists(msg);
  }
  if (primary == SQLITE_CONSTRAINT) return InvalidArgument(msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Conflict(msg);
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) {
    return Unavailable(msg);
  }
  return Internal(msg);
}

class Connection {
 public:
  ~Connection() { sqlite3_close_v2(db_); }
  static Result<std::unique_ptr<Connection>> Open(const SqliteOptions& o, bool writer) {
    auto c = std::make_unique<Connection>();
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE |
                (writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
    int rc = sqlite3_open_v2(o.path.c_str(), &c->db_, flags, nullptr);
    if (rc != SQLITE_OK) return SqliteError(c->db_, rc, "open " + o.path);
    sqlite3_extended_result_codes(c->db_, 1);
    sqlite3_busy_timeout(c->db_, o.busy_timeout_ms);
    std::string pragmas = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
    if (writer) pragmas = "PRAGMA journal_mode=WAL; " + pragmas;
    LOKET_RETURN_IF_ERROR(c->Exec(pragmas));
    return c;
  }

  Status Exec(std::string_view sql) {
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      Status s = SqliteError(db_, rc, "exec");
      return {s.code(), msg};
    }
    return {};
  }

  sqlite3* db() { return db_; }
  sqlite3* db_ = nullptr;
};

// Binds `$N` parameters by name, so the same SQL text serves every dialect.
Status Bind(sqlite3* db, sqlite3_stmt* stmt, const Params& params) {
  int count = sqlite3_bind_parameter_count(stmt);
  for (int i = 1; i <= count; ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt, i);
    if (!name || name[0] != '$') return InvalidArgument("SQL must use $N placeholders");
    size_t n = std::strtoul(name + 1, nullptr, 10);
    if (n < 1 || n > params.size()) {
      return InvalidArgument(std::string("missing value for parameter ") + name);
    }
    const Value& v = params[n - 1];
    int rc = SQLITE_OK;
    if (std::holds_alternative<Null>(v)) {
      rc = sqlite3_bind_null(stmt, i);
    } else if (auto* x = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, i, *x);
    } else if (auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, i, *d);
    } else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return SqliteError(db, rc, "bind");
  }
  return {};
}

class Pool;

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(Pool* pool, std::unique_ptr<Connection> conn, bool writer)
      : pool_(pool), conn_(std::move(conn)), writer_(writer) {}
  ~SqliteTransaction() override;

  Result<int64_t> Execute(std::string_view sql, const Params& params) override {
    int64_t changed = 0;
    LOKET_RETURN_IF_ERROR(Note(Run(sql, params, nullptr)));
    changed = sqlite3_changes64(conn_->db());
    return changed;
  }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    std::vector<Row> rows;
    LOKET_RETURN_IF_ERROR(Note(Run(sql, params, &rows)));
    return rows;
  }

  Status ExecuteScript(std::string_view sql) override {
    if (done_) return Internal("transaction already finished");
    if (!failed_.ok()) return Aborted();
    return Note(conn_->Exec(sql));
  }

  Status Commit() override {
    if (done_) return Internal("transaction already finished");
    done_ = true;
    if (!failed_.ok()) {
      conn_->Exec("ROLLBACK").ok();
      return Aborted();
    }
    Status s = conn_->Exec("COMMIT");
    if (!s.ok()) conn_->Exec("ROLLBACK").ok();
    return s;
  }

 private:
  // SQLite undoes only the failed statement, PostgreSQL the whole
  // transaction. Both backends behave like PostgreSQL: after a failed
  // statement every later call and Commit() fail, and the changes roll back.
  Status Note(Status s) {
    if (!s.ok() && failed_.ok()) failed_ = s;
    return s;
  }
  Status Aborted() const {
    return {failed_.code(), "transaction aborted by an earlier error: " + failed_.message()};
  }

  Status Run(std::string_view sql, const Params& params, std::vector<Row>* rows) {
    if (done_) return Internal("transaction already finished");
    if (!failed_.ok()) return Aborted();
    sqlite3* db = conn_->db();
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db, rc, "prepare");
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> guard(stmt, &sqlite3_finalize);
    LOKET_RETURN_IF_ERROR(Bind(db, stmt, params));
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (!rows) continue;
      int n = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(n);
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER: values.emplace_back(int64_t{sqlite3_column_int64(stmt, i)}); break;
          case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, i)); break;
          case SQLITE_NULL: values.emplace_back(Null{}); break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            values.emplace_back(std::string(text, sqlite3_column_bytes(stmt, i)));
          }
        }
      }
      rows->emplace_back(std::move(values));
    }
    if (rc != SQLITE_DONE) return SqliteError(db, rc, "step");
    return {};
  }

  Pool* pool_;
  std::unique_ptr<Connection> conn_;
  bool writer_;
  bool done_ = false;
  Status failed_;
};

class Pool {
 public:
  std::unique_ptr<Connection> Acquire(bool writer) {
    std::unique_lock lock(mu_);
    auto& free = writer ? writers_ : readers_;
    cv_.wait(lock, [&] { return !free.empty(); });
    auto c = std::move(free.back());
    free.pop_back();
    return c;
  }
  void Release(std::unique_ptr<Connection> c, bool writer) {
    {
      std::lock_guard lock(mu_);
      (writer ? writers_ : readers_).push_back(std::move(c));
    }
    cv_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> writers_;
  std::vector<std::unique_ptr<Connection>> readers_;
};

SqliteTransaction::~SqliteTransaction() {
  if (!done_) conn_->Exec("ROLLBACK").ok();
  pool_->Release(std::move(conn_), writer_);
}

class SqliteDatabase final : public Database {
 public:
  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<std::unique_ptr<Transaction>> BeginRead() override { return Begin(false); }
  Result<std::unique_ptr<Transaction>> BeginWrite() override { return Begin(true); }

  Pool pool_;

 private:
  Result<std::unique_ptr<Transaction>> Begin(bool writer) {
    auto conn = pool_.Acquire(writer);
    Status s = conn->Exec(writer ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!s.ok()) {
      pool_.Release(std::move(conn), writer);
      return s;
    }
    std::unique_ptr<Transaction> tx =
        std::make_unique<SqliteTransaction>(&pool_, std::move(conn), writer);
    return tx;
  }
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const SqliteOptions& options) {
  if (options.path.empty() || options.path == ":memory:") {
    return InvalidArgument("SQLite needs a database file");
  }
  auto db = std::make_unique<SqliteDatabase>();
  // The writer opens (and creates) the file first and switches it to WAL.
  LOKET_ASSIGN_OR_RETURN(auto writer, Connection::Open(options, true));
  db->pool_.writers_.push_back(std::move(writer));
  for (int i = 0; i < std::max(1, options.readers); ++i) {
    LOKET_ASSIGN_OR_RETURN(auto reader, Connection::Open(options, false));
    db->pool_.readers_.push_back(std::move(reader));
  }
  std::unique_ptr<Database> out = std::move(db);
  return out;
}

}  // namespace loket::storage
