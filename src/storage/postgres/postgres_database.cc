#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

namespace loket::storage {
namespace {

// Type OIDs from catalog/pg_type.h, a server header that libpq-dev lacks.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string Trimmed(const char* text) {
  std::string s = text ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The primary message and SQLSTATE only: DETAIL can quote row values
// (e-mail addresses, names) that do not belong in logs.
Status PgError(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string msg = std::string(what) + ": " + (primary ? primary : Trimmed(PQerrorMessage(conn)));
  std::string_view code = state ? state : "";
  if (!code.empty()) msg += " (" + std::string(code) + ")";
  // A dropped connection reports either no SQLSTATE at all (libpq's own
  // error) or the server's last words (57P01 admin shutdown and friends).
  if (PQstatus(conn) == CONNECTION_BAD || code.starts_with("08") || code == "57P01" ||
      code == "57P02" || code == "57P03") {
    return Unavailable(msg);
  }
  if (code == "23505") return AlreadyExists(msg);
  if (code.starts_with("23")) return InvalidArgument(msg);
  if (code == "40001" || code == "40P01") return Conflict(msg);
  return Internal(msg);
}

bool IdentChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

// The highest `$N` in the statement, skipping literals, quoted identifiers,
// dollar quotes and comments. PostgreSQL reports a missing parameter as a
// protocol violation (08P01) and an unused one as an error; SQLite reports
// the first as kInvalidArgument and ignores the second. Counting here keeps
// the two backends alike.
size_t HighestPlaceholder(std::string_view sql) {
  size_t highest = 0;
  const size_t n = sql.size();
  size_t i = 0;
  while (i < n) {
    char c = sql[i];
    if (c == '\'') {
      bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                     (i < 2 || !IdentChar(sql[i - 2]));
      for (++i; i < n; ++i) {
        if (escapes && sql[i] == '\\') {
          ++i;
        } else if (sql[i] == '\'') {
          if (i + 1 < n && sql[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
      ++i;
    } else if (c == '"') {
      i = sql.find('"', i + 1);
      i = i == std::string_view::npos ? n : i + 1;
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      i = sql.find('\n', i);
      if (i == std::string_view::npos) i = n;
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      int depth = 1;
      for (i += 2; i < n && depth > 0;) {
        if (sql.substr(i, 2) == "/*") {
          ++depth;
          i += 2;
        } else if (sql.substr(i, 2) == "*/") {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else if (c == '$' && (i == 0 || !IdentChar(sql[i - 1]))) {
      size_t j = i + 1;
      if (j < n && std::isdigit(static_cast<unsigned char>(sql[j]))) {
        while (j < n && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
        size_t number = 0;
        auto [p, ec] = std::from_chars(sql.data() + i + 1, sql.data() + j, number);
        highest = std::max(highest, ec == std::errc() ? number : std::numeric_limits<size_t>::max());
        i = j;
        continue;
      }
      while (j < n && IdentChar(sql[j]) && sql[j] != '$') ++j;
      if (j < n && sql[j] == '$') {  // $tag$ … $tag$
        std::string_view tag = sql.substr(i, j - i + 1);
        size_t end = sql.find(tag, j + 1);
        i = end == std::string_view::npos ? n : end + tag.size();
      } else {
        i = j;
      }
    } else if (IdentChar(c)) {
      while (i < n && IdentChar(sql[i])) ++i;
    } else {
      ++i;
    }
  }
  return highest;
}

// Doubles go over the wire as text; the shortest round-trip form is exact.
std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

Value ConvertField(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Null{};
  const char* text = PQgetvalue(res, row, col);
  const char* end = text + PQgetlength(res, row, col);
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      int64_t v = 0;
      if (std::from_chars(text, end, v).ec == std::errc()) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      auto [p, ec] = std::from_chars(text, end, v);
      if (ec == std::errc()) return v;
      if (ec == std::errc::result_out_of_range) return std::strtod(text, nullptr);
      break;
    }
    case kBoolOid:
      return int64_t{text[0] == 't' ? 1 : 0};
    default:
      break;
  }
  return std::string(text, end);
}

class Connection {
 public:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  static Result<std::unique_ptr<Connection>> Open(const PostgresOptions& o) {
    std::string timeout = std::to_string(std::max(1, o.connect_timeout_s));
    // Keywords after "dbname" override what the URL says.
    const char* const keys[] = {"dbname", "connect_timeout", "client_encoding",
                                "fallback_application_name", nullptr};
    const char* const values[] = {o.url.c_str(), timeout.c_str(), "UTF8", "loket", nullptr};
    auto c = std::make_unique<Connection>(PQconnectdbParams(keys, values, /*expand_dbname=*/1));
    if (!c->conn_) return Unavailable("connect: out of memory");
    if (PQstatus(c->conn_) != CONNECTION_OK) {
      return Unavailable("connect: " + Trimmed(PQerrorMessage(c->conn_)));
    }
    LOKET_RETURN_IF_ERROR(c->Setup());
    return c;
  }

  // Session settings; run again after every reconnect.
  Status Setup() {
    if (std::strcmp(pg_encoding_to_char(PQclientEncoding(conn_)), "UTF8") != 0 &&
        PQsetClientEncoding(conn_, "UTF8") != 0) {
      broken_ = true;
      return Unavailable("set client_encoding: " + Trimmed(PQerrorMessage(conn_)));
    }
    return Exec("SET synchronous_commit = on");
  }

  // Makes a pooled connection usable again after a failure, before anyone
  // runs a statement on it.
  Status Heal() {
    if (!broken_ && PQstatus(conn_) == CONNECTION_OK &&
        PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      return {};
    }
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      broken_ = true;
      return Unavailable("reconnect: " + Trimmed(PQerrorMessage(conn_)));
    }
    broken_ = false;
    return Setup();
  }

  // Runs one or more statements without parameters.
  Status Exec(const char* sql) {
    PgResult res(PQexec(conn_, sql));
    ExecStatusType st = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return {};
    return Failed(res.get(), "exec");
  }

  // Maps an error and remembers whether the connection needs a reset.
  Status Failed(const PGresult* res, std::string_view what) {
    Status s = PgError(conn_, res, what);
    if (s.code() == StatusCode::kUnavailable) broken_ = true;
    return s;
  }

  PGconn* get() { return conn_; }

 private:
  PGconn* conn_;
  bool broken_ = false;
};

class Pool {
 public:
  // Blocks until a connection is free, then makes sure it works.
  Result<std::unique_ptr<Connection>> Acquire() {
    std::unique_ptr<Connection> c;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !free_.empty(); });
      c = std::move(free_.back());
      free_.pop_back();
    }
    Status s = c->Heal();
    if (!s.ok()) {
      Release(std::move(c));
      return s;
    }
    return c;
  }

  void Release(std::unique_ptr<Connection> c) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> free_;
};

class PostgresTransaction final : public Transaction {
 public:
  PostgresTransaction(Pool* pool, std::unique_ptr<Connection> conn)
      : pool_(pool), conn_(std::move(conn)) {}
  ~PostgresTransaction() override {
    if (!done_) conn_->Exec("ROLLBACK").ok();
    pool_->Release(std::move(conn_));
  }

  Result<int64_t> Execute(std::string_view sql, const Params& params) override {
    LOKET_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
    int64_t changed = 0;
    const char* tuples = PQcmdTuples(res.get());
    std::from_chars(tuples, tuples + std::strlen(tuples), changed);
    return changed;
  }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    LOKET_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
    const PGresult* r = res.get();
    int nrows = PQntuples(r);
    int ncols = PQnfields(r);
    std::vector<Row> rows;
    rows.reserve(static_cast<size_t>(nrows));
    for (int i = 0; i < nrows; ++i) {
      std::vector<Value> values;
      values.reserve(static_cast<size_t>(ncols));
      for (int j = 0; j < ncols; ++j) values.push_back(ConvertField(r, i, j));
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  Status ExecuteScript(std::string_view sql) override {
    LOKET_RETURN_IF_ERROR(Usable());
    return Note(conn_->Exec(std::string(sql).c_str()));
  }

  Status Commit() override {
    if (done_) return Internal("transaction already finished");
    done_ = true;
    if (!failed_.ok()) {
      conn_->Exec("ROLLBACK").ok();
      return Aborted();
    }
    PgResult res(PQexec(conn_->get(), "COMMIT"));
    if (!res || PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return conn_->Failed(res.get(), "commit");
    }
    // COMMIT of a transaction the server already aborted "succeeds" as ROLLBACK.
    if (std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
      return Internal("commit: the transaction was rolled back");
    }
    return {};
  }

 private:
  Status Aborted() const {
    return {failed_.code(), "transaction aborted by an earlier error: " + failed_.message()};
  }

  Status Usable() const {
    if (done_) return Internal("transaction already finished");
    if (!failed_.ok()) return Aborted();
    return {};
  }

  // PostgreSQL refuses every statement after a failed one until ROLLBACK;
  // remembering the first error lets later calls and Commit() say why.
  Status Note(Status s) {
    if (!s.ok() && failed_.ok()) failed_ = s;
    return s;
  }

  Result<PgResult> Run(std::string_view sql, const Params& params) {
    LOKET_RETURN_IF_ERROR(Usable());
    size_t count = HighestPlaceholder(sql);
    if (count > params.size()) {
      return Note(InvalidArgument("missing value for parameter $" +
                                  std::to_string(params.size() + 1)));
    }
    if (count > static_cast<size_t>(std::numeric_limits<int>::max())) {
      return Note(InvalidArgument("too many parameters"));
    }
    std::vector<std::string> texts(count);
    std::vector<const char*> values(count, nullptr);
    for (size_t i = 0; i < count; ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<Null>(v)) continue;
      if (auto* x = std::get_if<int64_t>(&v)) {
        texts[i] = std::to_string(*x);
      } else if (auto* d = std::get_if<double>(&v)) {
        texts[i] = DoubleText(*d);
      } else {
        const auto& s = std::get<std::string>(v);
        if (s.find('\0') != std::string::npos) {
          return Note(InvalidArgument("text parameter contains a NUL byte"));
        }
        texts[i] = s;
      }
      values[i] = texts[i].c_str();
    }
    std::string text(sql);
    PgResult res(PQexecParams(conn_->get(), text.c_str(), static_cast<int>(count),
                              /*paramTypes=*/nullptr, values.data(), /*paramLengths=*/nullptr,
                              /*paramFormats=*/nullptr, /*resultFormat=*/0));
    ExecStatusType st = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      if (st == PGRES_EMPTY_QUERY) return Note(Internal("empty statement"));
      return Note(conn_->Failed(res.get(), "statement"));
    }
    return res;
  }

  Pool* pool_;
  std::unique_ptr<Connection> conn_;
  bool done_ = false;
  Status failed_;
};

class PostgresDatabase final : public Database {
 public:
  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<std::unique_ptr<Transaction>> BeginRead() override {
    return Begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Result<std::unique_ptr<Transaction>> BeginWrite() override { return Begin("BEGIN"); }

  Pool pool_;

 private:
  Result<std::unique_ptr<Transaction>> Begin(const char* begin) {
    LOKET_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    Status s = conn->Exec(begin);
    // An idle pooled connection may have died unnoticed (server restart,
    // failover, idle timeout). Nothing has happened yet, so one reconnect
    // and retry is safe.
    if (s.code() == StatusCode::kUnavailable) {
      s = conn->Heal();
      if (s.ok()) s = conn->Exec(begin);
    }
    if (!s.ok()) {
      pool_.Release(std::move(conn));
      return s;
    }
    std::unique_ptr<Transaction> tx =
        std::make_unique<PostgresTransaction>(&pool_, std::move(conn));
    return tx;
  }
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const PostgresOptions& options) {
  if (options.url.empty()) return InvalidArgument("PostgreSQL needs a connection URL");
  auto db = std::make_unique<PostgresDatabase>();
  for (int i = 0; i < std::max(1, options.connections); ++i) {
    LOKET_ASSIGN_OR_RETURN(auto conn, Connection::Open(options));
    db->pool_.free_.push_back(std::move(conn));
  }
  std::unique_ptr<Database> out = std::move(db);
  return out;
}

}  // namespace loket::storage
