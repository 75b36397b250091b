// The storage conformance suite: every test runs against every backend.
//
// SQLite uses a file in a fresh temporary directory per test. PostgreSQL
// runs when LOKET_TEST_PG_URL names a server (scripts/pg-test-cluster.sh
// starts one); each test gets its own schema, dropped afterwards. Without
// the variable the PostgreSQL cases are skipped, except under CI=true,
// where they fail so that CI can never silently test only SQLite.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/testing/test_database.h"

namespace loket::storage {
namespace {

using ::testing::TestParamInfo;

// Unwraps a Result or fails the test; the exception ends the test body
// (GoogleTest reports it), so use these on the test's own thread only.
template <typename T>
T Must(Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return std::move(r).value();
}

void MustOk(const Status& s) {
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) throw std::runtime_error(s.ToString());
}

class StorageConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto test_db = TestDatabase::Create(GetParam());
    if (!test_db.ok() && test_db.status().code() == StatusCode::kUnavailable) {
      if (PostgresRequired()) {
        FAIL() << "CI=true but LOKET_TEST_PG_URL is unset: PostgreSQL must be tested in CI";
      }
      GTEST_SKIP() << test_db.status().message();
    }
    ASSERT_TRUE(test_db.ok()) << test_db.status().ToString();
    test_db_ = std::move(test_db).value();
    auto db = Open();
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  void TearDown() override {
    db_.reset();
    test_db_.reset();
  }

  // A new handle on the same database (SQLite file or PostgreSQL schema).
  Result<std::unique_ptr<Database>> Open(int connections = 8) {
    return test_db_->Open(connections);
  }

  Dialect dialect() const { return GetParam() == "sqlite" ? Dialect::kSqlite : Dialect::kPostgres; }

  void Script(std::string_view sql) {
    auto tx = Must(db_->BeginWrite());
    MustOk(tx->ExecuteScript(sql));
    MustOk(tx->Commit());
  }

  std::vector<Row> Read(std::string_view sql, const Params& params = {}) {
    auto tx = Must(db_->BeginRead());
    return Must(tx->Query(sql, params));
  }

  int64_t Count(std::string_view table) {
    return Read("SELECT COUNT(*) FROM " + std::string(table)).at(0).Int(0);
  }

  std::unique_ptr<TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
};

TEST_P(StorageConformance, ReportsItsDialect) { EXPECT_EQ(db_->dialect(), dialect()); }

constexpr Migration kMigrations[] = {
    {"conf", 1, "create notes",
     "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);"
     "INSERT INTO notes (body) VALUES ('sqlite');",
     "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL);"
     "INSERT INTO notes (body) VALUES ('postgres');"},
    {"conf", 2, "add tags",
     "CREATE TABLE tags (note_id BIGINT NOT NULL REFERENCES notes (id), tag TEXT NOT NULL);",
     "CREATE TABLE tags (note_id BIGINT NOT NULL REFERENCES notes (id), tag TEXT NOT NULL);"},
    {"other", 1, "create other", "CREATE TABLE other (x BIGINT);",
     "CREATE TABLE other (x BIGINT);"},
};

TEST_P(StorageConformance, MigrationsApplyOnceAndAreRecorded) {
  auto first = ApplyMigrations(*db_, kMigrations);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, 3);

  auto again = ApplyMigrations(*db_, kMigrations);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0);

  auto rows = Read("SELECT module, version, name FROM schema_migrations ORDER BY module, version");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].Text(0), "conf");
  EXPECT_EQ(rows[0].Int(1), 1);
  EXPECT_EQ(rows[0].Text(2), "create notes");
  EXPECT_EQ(rows[1].Int(1), 2);
  EXPECT_EQ(rows[2].Text(0), "other");

  // The migration ran once, in its own dialect.
  rows = Read("SELECT body FROM notes");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), dialect() == Dialect::kSqlite ? "sqlite" : "postgres");

  // A later migration is applied on its own; a new handle sees the record.
  constexpr Migration kMore[] = {
      kMigrations[0],
      kMigrations[1],
      kMigrations[2],
      {"conf", 3, "add index", "CREATE INDEX tags_tag ON tags (tag);",
       "CREATE INDEX tags_tag ON tags (tag);"},
  };
  db_.reset();
  db_ = Must(Open());
  auto more = ApplyMigrations(*db_, kMore);
  ASSERT_TRUE(more.ok()) << more.status().ToString();
  EXPECT_EQ(*more, 1);
  EXPECT_EQ(Count("schema_migrations"), 4);
}

TEST_P(StorageConformance, FailedMigrationLeavesNothingBehind) {
  constexpr Migration kBroken[] = {
      {"conf", 1, "good", "CREATE TABLE good (x BIGINT);", "CREATE TABLE good (x BIGINT);"},
      {"conf", 2, "half", "CREATE TABLE half (x BIGINT); CREATE TABLE broken (",
       "CREATE TABLE half (x BIGINT); CREATE TABLE broken ("},
  };
  auto applied = ApplyMigrations(*db_, kBroken);
  EXPECT_FALSE(applied.ok());

  EXPECT_EQ(Count("good"), 0);
  EXPECT_EQ(Count("schema_migrations"), 1);
  auto tx = Must(db_->BeginRead());
  EXPECT_FALSE(tx->Query("SELECT COUNT(*) FROM half").ok()) << "DDL of a failed migration stays";
}

TEST_P(StorageConformance, ValuesRoundTripWithTheirTypes) {
  Script("CREATE TABLE vals (id BIGINT PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, t TEXT)");
  const int64_t kInts[] = {0,
                           1,
                           -1,
                           int64_t{1} << 31,
                           (int64_t{1} << 31) + 1,
                           -(int64_t{1} << 40) - 7,
                           int64_t{1} << 53,
                           (int64_t{1} << 53) + 1,
                           std::numeric_limits<int64_t>::max(),
                           std::numeric_limits<int64_t>::min()};
  const double kDoubles[] = {0.0,
                             0.1,
                             -2.5,
                             3.141592653589793,
                             1.0 / 3.0,
                             1e300,
                             -1e-300,
                             5e-324,
                             9007199254740993.0,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()};
  const std::string kTexts[] = {"",    "plain", "é ü 中 😀",         "it's \"quoted\"", "$1 and ?",
                                "007", "3.5",   "line\nbreak\ttab", "\\back\\",        "NULL"};
  {
    auto tx = Must(db_->BeginWrite());
    int64_t id = 0;
    for (int64_t v : kInts) {
      EXPECT_EQ(Must(tx->Execute("INSERT INTO vals (id, i) VALUES ($1, $2)", {++id, v})), 1);
    }
    for (double v : kDoubles) {
      EXPECT_EQ(Must(tx->Execute("INSERT INTO vals (id, d) VALUES ($1, $2)", {++id, v})), 1);
    }
    for (const std::string& v : kTexts) {
      EXPECT_EQ(Must(tx->Execute("INSERT INTO vals (id, t) VALUES ($1, $2)", {++id, v})), 1);
    }
    EXPECT_EQ(Must(tx->Execute("INSERT INTO vals (id, i, d, t) VALUES ($1, $2, $3, $4)",
                               {++id, Null{}, Null{}, Null{}})),
              1);
    MustOk(tx->Commit());
  }

  auto rows = Read("SELECT id, i, d, t FROM vals ORDER BY id");
  ASSERT_EQ(rows.size(), std::size(kInts) + std::size(kDoubles) + std::size(kTexts) + 1);
  size_t r = 0;
  for (int64_t v : kInts) {
    const Row& row = rows[r++];
    ASSERT_TRUE(std::holds_alternative<int64_t>(row.at(1))) << "row " << r;
    EXPECT_EQ(std::get<int64_t>(row.at(1)), v);
    EXPECT_EQ(row.Int(1), v);
    EXPECT_TRUE(row.IsNull(2));
    EXPECT_TRUE(row.IsNull(3));
  }
  for (double v : kDoubles) {
    const Row& row = rows[r++];
    ASSERT_TRUE(std::holds_alternative<double>(row.at(2))) << "row " << r;
    EXPECT_EQ(std::get<double>(row.at(2)), v) << "full precision";
    EXPECT_EQ(std::signbit(std::get<double>(row.at(2))), std::signbit(v));
    EXPECT_TRUE(row.IsNull(1));
  }
  for (const std::string& v : kTexts) {
    const Row& row = rows[r++];
    ASSERT_TRUE(std::holds_alternative<std::string>(row.at(3))) << "row " << r;
    EXPECT_EQ(std::get<std::string>(row.at(3)), v);
  }
  const Row& nulls = rows[r++];
  EXPECT_TRUE(nulls.IsNull(1));
  EXPECT_TRUE(nulls.IsNull(2));
  EXPECT_TRUE(nulls.IsNull(3));
  EXPECT_EQ(nulls.Int(1), 0);
  EXPECT_EQ(nulls.Real(2), 0.0);
  EXPECT_EQ(nulls.Text(3), "");

  // Parameters compare exactly, also for UTF-8 text and large integers.
  rows = Read("SELECT id FROM vals WHERE t = $1", {std::string("é ü 中 😀")});
  ASSERT_EQ(rows.size(), 1u);
  rows = Read("SELECT id FROM vals WHERE i = $1", {std::numeric_limits<int64_t>::min()});
  ASSERT_EQ(rows.size(), 1u);
  rows = Read("SELECT id FROM vals WHERE i > $1 ORDER BY i", {int64_t{1} << 31});
  ASSERT_EQ(rows.size(), 4u);
  rows = Read("SELECT id FROM vals WHERE i IS NULL AND d IS NULL AND t IS NULL");
  ASSERT_EQ(rows.size(), 1u);
  // Character length, not bytes: both backends store UTF-8 as text.
  rows = Read("SELECT LENGTH(t) FROM vals WHERE t = $1", {std::string("é ü 中")});
  EXPECT_TRUE(rows.empty());
  rows = Read("SELECT LENGTH(t) FROM vals WHERE t = $1", {std::string("é ü 中 😀")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), 7);
}

TEST_P(StorageConformance, ExpressionResultsHaveNaturalTypes) {
  auto rows = Read("SELECT 1 + 1, 2.5 * 2, 'x' || 'y', NULL, COUNT(*) FROM (SELECT 1 AS a) s");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(rows[0].at(0)), 2);
  EXPECT_EQ(std::get<double>(rows[0].at(1)), 5.0);
  EXPECT_EQ(std::get<std::string>(rows[0].at(2)), "xy");
  EXPECT_TRUE(rows[0].IsNull(3));
  EXPECT_EQ(std::get<int64_t>(rows[0].at(4)), 1);
}

TEST_P(StorageConformance, PlaceholdersOutOfOrderAndRepeated) {
  Script("CREATE TABLE p (a BIGINT, b BIGINT, c BIGINT, label TEXT)");
  {
    auto tx = Must(db_->BeginWrite());
    // Out of order in VALUES.
    const char* insert = "INSERT INTO p (label, c, b, a) VALUES ($4, $3, $2, $1)";
    MustOk(tx->Execute(insert, {int64_t{1}, int64_t{2}, int64_t{3}, std::string("r1")}).status());
    MustOk(tx->Execute(insert, {int64_t{2}, int64_t{1}, int64_t{9}, std::string("r2")}).status());
    MustOk(tx->Execute(insert, {int64_t{5}, int64_t{5}, int64_t{1}, std::string("r3")}).status());
    MustOk(tx->Execute(insert, {int64_t{7}, int64_t{7}, int64_t{7}, std::string("r4")}).status());
    MustOk(tx->Commit());
  }
  // $1 = 2, $2 = 1: r2 matches a=1? no: a = $2 (1) AND b = $1 (2) -> r1; c = $2 (1) -> r3.
  auto rows = Read("SELECT label FROM p WHERE a = $2 AND b = $1 OR c = $2 ORDER BY label",
                   {int64_t{2}, int64_t{1}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].Text(0), "r1");
  EXPECT_EQ(rows[1].Text(0), "r3");

  // One parameter used three times, and `$1` inside a literal is text.
  rows =
      Read("SELECT '$1 costs $2', label FROM p WHERE a = $1 AND b = $1 AND c = $1", {int64_t{7}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "$1 costs $2");
  EXPECT_EQ(rows[0].Text(1), "r4");

  // Placeholders in comments do not count.
  rows = Read("SELECT label FROM p -- not $9\n WHERE a = $1 /* nor $8 */", {int64_t{5}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "r3");

  // Extra parameters are ignored; a missing one is the caller's mistake.
  rows = Read("SELECT label FROM p WHERE a = $1", {int64_t{5}, std::string("unused")});
  ASSERT_EQ(rows.size(), 1u);
  auto tx = Must(db_->BeginRead());
  auto missing = tx->Query("SELECT label FROM p WHERE a = $1 AND b = $2", {int64_t{5}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument) << missing.status().ToString();
}

TEST_P(StorageConformance, ExecuteReturnsAffectedRowCount) {
  Script("CREATE TABLE c (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
  auto tx = Must(db_->BeginWrite());
  EXPECT_EQ(Must(tx->Execute("INSERT INTO c (id, v) VALUES (1, 10), (2, 20), (3, 30)")), 3);
  EXPECT_EQ(Must(tx->Execute("UPDATE c SET v = v + 1 WHERE v >= $1", {int64_t{20}})), 2);
  EXPECT_EQ(Must(tx->Execute("UPDATE c SET v = 0 WHERE id = $1", {int64_t{99}})), 0);
  EXPECT_EQ(Must(tx->Execute("DELETE FROM c WHERE id = $1", {int64_t{1}})), 1);
  EXPECT_EQ(Must(tx->Execute("DELETE FROM c")), 2);
  MustOk(tx->Commit());
  EXPECT_EQ(Count("c"), 0);
}

TEST_P(StorageConformance, DestroyedWithoutCommitRollsBack) {
  Script("CREATE TABLE r (id BIGINT PRIMARY KEY)");
  {
    auto tx = Must(db_->BeginWrite());
    MustOk(tx->Execute("INSERT INTO r (id) VALUES (1)").status());
    EXPECT_EQ(Must(tx->Query("SELECT COUNT(*) FROM r")).at(0).Int(0), 1) << "own writes visible";
  }
  EXPECT_EQ(Count("r"), 0);
  // The connection went back to the pool in a clean state.
  auto tx = Must(db_->BeginWrite());
  MustOk(tx->Execute("INSERT INTO r (id) VALUES (1)").status());
  MustOk(tx->Commit());
  EXPECT_EQ(Count("r"), 1);
}

TEST_P(StorageConformance, CommittedDataIsVisibleAndDurable) {
  Script("CREATE TABLE d (id BIGINT PRIMARY KEY, name TEXT)");
  {
    auto tx = Must(db_->BeginWrite());
    MustOk(tx->Execute("INSERT INTO d (id, name) VALUES ($1, $2)", {int64_t{1}, std::string("één")})
               .status());
    MustOk(tx->Commit());
    EXPECT_FALSE(tx->Commit().ok()) << "a transaction commits once";
    EXPECT_FALSE(tx->Query("SELECT 1").ok()) << "a finished transaction runs nothing";
  }
  auto rows = Read("SELECT name FROM d WHERE id = 1");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "één");

  db_.reset();
  db_ = Must(Open());
  rows = Read("SELECT name FROM d WHERE id = 1");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "één");
}

TEST_P(StorageConformance, ReadTransactionRejectsWrites) {
  Script("CREATE TABLE ro (id BIGINT PRIMARY KEY)");
  {
    auto tx = Must(db_->BeginRead());
    EXPECT_FALSE(tx->Execute("INSERT INTO ro (id) VALUES (1)").ok());
  }
  EXPECT_EQ(Count("ro"), 0);
}

TEST_P(StorageConformance, UniqueViolationAbortsTheTransaction) {
  Script(
      "CREATE TABLE u (id BIGINT PRIMARY KEY, email TEXT NOT NULL UNIQUE);"
      "INSERT INTO u (id, email) VALUES (1, 'a@example.nl');");
  auto tx = Must(db_->BeginWrite());
  MustOk(tx->Execute("INSERT INTO u (id, email) VALUES (2, 'b@example.nl')").status());
  auto dup = tx->Execute("INSERT INTO u (id, email) VALUES (3, 'a@example.nl')");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists) << dup.status().ToString();
  // Unusable from here on: statements and commit fail, nothing is kept.
  EXPECT_FALSE(tx->Query("SELECT COUNT(*) FROM u").ok());
  EXPECT_FALSE(tx->Execute("INSERT INTO u (id, email) VALUES (4, 'c@example.nl')").ok());
  EXPECT_FALSE(tx->ExecuteScript("DELETE FROM u").ok());
  Status commit = tx->Commit();
  EXPECT_FALSE(commit.ok());
  EXPECT_EQ(commit.code(), StatusCode::kAlreadyExists) << commit.ToString();
  tx.reset();

  auto rows = Read("SELECT id FROM u ORDER BY id");
  ASSERT_EQ(rows.size(), 1u) << "no partial data";
  EXPECT_EQ(rows[0].Int(0), 1);

  // A primary key is a unique constraint too; the destructor rolls back.
  {
    auto tx2 = Must(db_->BeginWrite());
    MustOk(tx2->Execute("INSERT INTO u (id, email) VALUES (5, 'e@example.nl')").status());
    auto pk = tx2->Execute("INSERT INTO u (id, email) VALUES (1, 'f@example.nl')");
    ASSERT_FALSE(pk.ok());
    EXPECT_EQ(pk.status().code(), StatusCode::kAlreadyExists) << pk.status().ToString();
  }
  EXPECT_EQ(Count("u"), 1);
}

TEST_P(StorageConformance, OtherConstraintViolationsAreInvalidArgument) {
  Script(
      "CREATE TABLE parent (id BIGINT PRIMARY KEY);"
      "CREATE TABLE child (id BIGINT PRIMARY KEY,"
      " parent_id BIGINT NOT NULL REFERENCES parent (id),"
      " qty BIGINT CHECK (qty >= 0));"
      "INSERT INTO parent (id) VALUES (1);");
  struct Case {
    const char* sql;
    const char* what;
  };
  const Case kCases[] = {
      {"INSERT INTO child (id, parent_id) VALUES (1, 42)", "foreign key"},
      {"INSERT INTO child (id, parent_id) VALUES (1, NULL)", "not null"},
      {"INSERT INTO child (id, parent_id, qty) VALUES (1, 1, -1)", "check"},
  };
  for (const Case& c : kCases) {
    auto tx = Must(db_->BeginWrite());
    auto r = tx->Execute(c.sql);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument)
        << c.what << ": " << r.status().ToString();
    EXPECT_FALSE(tx->Commit().ok()) << c.what;
  }
  // Deleting a referenced parent is refused as well.
  Script("INSERT INTO child (id, parent_id) VALUES (1, 1)");
  auto tx = Must(db_->BeginWrite());
  auto r = tx->Execute("DELETE FROM parent WHERE id = 1");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
  tx.reset();
  EXPECT_EQ(Count("child"), 1);
  EXPECT_EQ(Count("parent"), 1);
}

TEST_P(StorageConformance, ConcurrentIncrementsAreNotLost) {
  Script(
      "CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
      "INSERT INTO counter (id, n) VALUES (1, 0);");
  constexpr int kThreads = 8;
  constexpr int kIncrements = 50;
  std::atomic<int> failures{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        for (int attempt = 0;; ++attempt) {
          auto tx = db_->BeginWrite();
          Status s = tx.ok() ? Status() : tx.status();
          if (s.ok()) {
            s = (*tx)->Execute("UPDATE counter SET n = n + 1 WHERE id = 1").status();
          }
          if (s.ok()) s = (*tx)->Commit();
          if (s.ok()) break;
          if (s.code() != StatusCode::kConflict || attempt == 100) {
            ADD_FAILURE() << s.ToString();
            ++failures;
            break;
          }
          ++conflicts;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto rows = Read("SELECT n FROM counter WHERE id = 1");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), kThreads * kIncrements);
  RecordProperty("conflicts", conflicts.load());
}

TEST_P(StorageConformance, ReadTransactionSeesAStableSnapshot) {
  Script(
      "CREATE TABLE s (id BIGINT PRIMARY KEY, v TEXT);"
      "INSERT INTO s (id, v) VALUES (1, 'old');");
  auto reader = Must(db_->BeginRead());
  // The snapshot starts with the first read in both backends.
  auto before = Must(reader->Query("SELECT COUNT(*), MAX(v) FROM s"));
  ASSERT_EQ(before.at(0).Int(0), 1);

  Status written;
  std::thread writer([&] {
    auto tx = db_->BeginWrite();
    written = tx.status();
    if (written.ok()) written = (*tx)->Execute("INSERT INTO s (id, v) VALUES (2, 'new')").status();
    if (written.ok()) written = (*tx)->Execute("UPDATE s SET v = 'changed' WHERE id = 1").status();
    if (written.ok()) written = (*tx)->Commit();
  });
  writer.join();
  ASSERT_TRUE(written.ok()) << written.ToString();

  auto during = Must(reader->Query("SELECT COUNT(*) FROM s"));
  EXPECT_EQ(during.at(0).Int(0), 1);
  auto v = Must(reader->Query("SELECT v FROM s WHERE id = 1"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].Text(0), "old");
  MustOk(reader->Commit());

  EXPECT_EQ(Count("s"), 2) << "a new read transaction sees the commit";
  EXPECT_EQ(Read("SELECT v FROM s WHERE id = 1").at(0).Text(0), "changed");
}

TEST_P(StorageConformance, ManyReadersAndAWriterAtOnce) {
  Script("CREATE TABLE m (id BIGINT PRIMARY KEY);");
  std::atomic<bool> stop{false};
  std::atomic<int> errors{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        auto tx = db_->BeginRead();
        if (!tx.ok() || !(*tx)->Query("SELECT COUNT(*) FROM m").ok()) ++errors;
      }
    });
  }
  for (int64_t i = 0; i < 100; ++i) {
    auto tx = Must(db_->BeginWrite());
    MustOk(tx->Execute("INSERT INTO m (id) VALUES ($1)", {i}).status());
    MustOk(tx->Commit());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(Count("m"), 100);
}

TEST_P(StorageConformance, SyntaxErrorIsAStatusNotACrash) {
  {
    auto tx = Must(db_->BeginWrite());
    auto r = tx->Execute("INSERT INTO nowhere VALUES (");
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(tx->Query("SELEKT 1").ok());
  }
  {
    auto tx = Must(db_->BeginRead());
    auto r = tx->Query("SELECT * FROM no_such_table");
    EXPECT_FALSE(r.ok());
  }
  {
    auto tx = Must(db_->BeginWrite());
    EXPECT_FALSE(tx->ExecuteScript("CREATE TABLE x (a BIGINT); CREATE TABLE (").ok());
  }
  {
    auto tx = Must(db_->BeginWrite());
    EXPECT_FALSE(tx->Query("").ok());
  }
  // Nothing half-done, and the database still works.
  auto tx = Must(db_->BeginRead());
  EXPECT_FALSE(tx->Query("SELECT * FROM x").ok());
  EXPECT_EQ(Read("SELECT 1").at(0).Int(0), 1);
}

// The cases below exercise what only PostgreSQL can do: two writers at once
// (SQLite serialises them) and a server that drops a connection.

TEST_P(StorageConformance, DeadlockIsAConflict) {
  if (dialect() != Dialect::kPostgres) GTEST_SKIP() << "SQLite serialises writers";
  Script(
      "CREATE TABLE dl (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
      "INSERT INTO dl (id, n) VALUES (1, 0), (2, 0);");
  auto a = Must(db_->BeginWrite());
  auto b = Must(db_->BeginWrite());
  MustOk(a->Execute("UPDATE dl SET n = n + 1 WHERE id = 1").status());
  MustOk(b->Execute("UPDATE dl SET n = n + 1 WHERE id = 2").status());
  Status sa, sb;
  std::thread ta([&] {
    sa = a->Execute("UPDATE dl SET n = n + 1 WHERE id = 2").status();
    if (sa.ok()) sa = a->Commit();
    a.reset();  // a victim must release its locks for the other to finish
  });
  std::thread tb([&] {
    sb = b->Execute("UPDATE dl SET n = n + 1 WHERE id = 1").status();
    if (sb.ok()) sb = b->Commit();
    b.reset();
  });
  ta.join();
  tb.join();
  EXPECT_NE(sa.ok(), sb.ok()) << sa.ToString() << " / " << sb.ToString();
  const Status& failed = sa.ok() ? sb : sa;
  EXPECT_EQ(failed.code(), StatusCode::kConflict) << failed.ToString();
  EXPECT_EQ(Read("SELECT SUM(n) FROM dl").at(0).Int(0), 2);
}

TEST_P(StorageConformance, DroppedConnectionIsUnavailableThenReconnects) {
  if (dialect() != Dialect::kPostgres) GTEST_SKIP() << "needs a server to drop connections";
  db_.reset();
  db_ = Must(Open(/*connections=*/1));
  auto admin = Must(Open(/*connections=*/1));  // a second session
  auto kill = [&](int64_t pid) {
    auto tx = Must(admin->BeginWrite());
    auto rows = Must(tx->Query("SELECT pg_terminate_backend(CAST($1 AS INTEGER), 10000)", {pid}));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].Int(0), 1);
    MustOk(tx->Commit());
  };
  auto pid_of = [&](Transaction& tx) {
    return Must(tx.Query("SELECT pg_backend_pid()")).at(0).Int(0);
  };

  // Dropped inside a transaction: the statement reports kUnavailable.
  int64_t first = 0;
  {
    auto tx = Must(db_->BeginRead());
    first = pid_of(*tx);
    kill(first);
    auto r = tx->Query("SELECT 1");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kUnavailable) << r.status().ToString();
    Status commit = tx->Commit();
    EXPECT_FALSE(commit.ok());
  }
  // The pooled connection is replaced on the next use.
  int64_t second = 0;
  {
    auto tx = Must(db_->BeginRead());
    second = pid_of(*tx);
    EXPECT_NE(second, first);
  }
  // Dropped while idle in the pool: the next transaction reconnects.
  kill(second);
  {
    auto tx = Must(db_->BeginWrite());
    EXPECT_NE(pid_of(*tx), second);
    auto rows = Must(tx->Query("SHOW synchronous_commit"));
    EXPECT_EQ(rows.at(0).Text(0), "on") << "session settings survive a reconnect";
    MustOk(tx->Commit());
  }
}

TEST_P(StorageConformance, SessionSettings) {
  if (dialect() != Dialect::kPostgres) {
    auto rows = Read("PRAGMA foreign_keys");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].Int(0), 1);
    return;
  }
  auto rows = Read(
      "SELECT current_setting('synchronous_commit'), current_setting('client_encoding'),"
      " current_setting('transaction_isolation'), current_setting('transaction_read_only')");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "on");
  EXPECT_EQ(rows[0].Text(1), "UTF8");
  EXPECT_EQ(rows[0].Text(2), "repeatable read");
  EXPECT_EQ(rows[0].Text(3), "on");
  auto tx = Must(db_->BeginWrite());
  rows = Must(tx->Query("SELECT current_setting('transaction_isolation')"));
  EXPECT_EQ(rows.at(0).Text(0), "read committed");
}

TEST_P(StorageConformance, UnreachableServerIsUnavailable) {
  if (dialect() != Dialect::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  // Port 1 on loopback refuses connections.
  auto db = OpenPostgres({.url = "postgresql://postgres@127.0.0.1:1/none", .connect_timeout_s = 2});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageConformance, ::testing::Values("sqlite", "postgres"),
                         [](const TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace loket::storage
