// The storage interface every module's repository is written against.
//
// One interface, two backends (sqlite/ and postgres/); only app/ chooses one.
// SQL text uses `$1, $2, …` placeholders in every dialect. Integers, reals,
// text and NULL are the only value types: booleans are stored as 0/1,
// timestamps as Unix seconds or ISO 8601 text, lists as text.
//
// Thread-safety: a Database is shared by all threads; a Transaction belongs
// to the thread that began it. A Transaction that is destroyed without
// Commit() rolls back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace loket::storage {

enum class Dialect { kSqlite, kPostgres };

struct Null {
  bool operator==(const Null&) const = default;
};
using Value = std::variant<Null, int64_t, double, std::string>;
using Params = std::vector<Value>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<Null>(values_.at(i)); }
  // NULL reads as 0 or "" so that optional columns need no special casing.
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Text(size_t i) const;
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

class Transaction {
 public:
  virtual ~Transaction() = default;

  // Runs one statement; returns the number of rows it changed.
  virtual Result<int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns its rows.
  virtual Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;
  // Makes the transaction's changes durable. The transaction is finished
  // afterwards, whatever the outcome.
  virtual Status Commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  virtual Dialect dialect() const = 0;
  // A read-only snapshot; many may run at once.
  virtual Result<std::unique_ptr<Transaction>> BeginRead() = 0;
  // A read-write transaction. Writers are serialised where the backend
  // needs it; a unique or foreign-key violation surfaces as
  // kAlreadyExists / kInvalidArgument, a serialisation failure as kConflict.
  virtual Result<std::unique_ptr<Transaction>> BeginWrite() = 0;
};

}  // namespace loket::storage
