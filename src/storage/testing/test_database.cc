#include "storage/testing/test_database.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace loket::storage {
namespace {

std::string RandomHex() {
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd());
  const char* digits = "0123456789abcdef";
  std::string out;
  uint64_t v = gen();
  for (int i = 0; i < 16; ++i, v >>= 4) out += digits[v & 0xf];
  return out;
}

// Points a libpq URL or key=value string at one schema.
std::string WithSearchPath(const std::string& url, const std::string& schema) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema;
  }
  return url + " options='-csearch_path=" + schema + "'";
}

Status RunAsAdmin(const std::string& url, const std::string& sql) {
  LOKET_ASSIGN_OR_RETURN(auto admin, OpenPostgres({.url = url, .connections = 1}));
  LOKET_ASSIGN_OR_RETURN(auto tx, admin->BeginWrite());
  LOKET_RETURN_IF_ERROR(tx->ExecuteScript(sql));
  return tx->Commit();
}

}  // namespace

bool PostgresRequired() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(std::string_view backend) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  if (backend == "sqlite") {
    std::string pattern = std::filesystem::temp_directory_path() / "loket-test-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) return Internal("cannot create a temporary directory");
    t->dir_ = pattern;
    return t;
  }
  const char* url = std::getenv("LOKET_TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    return Unavailable("LOKET_TEST_PG_URL unset; start a server with scripts/pg-test-cluster.sh");
  }
  t->admin_url_ = url;
  std::string schema = "t_" + RandomHex();
  LOKET_RETURN_IF_ERROR(RunAsAdmin(t->admin_url_, "CREATE SCHEMA " + schema));
  t->schema_ = schema;
  return t;
}

TestDatabase::~TestDatabase() {
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  if (!schema_.empty()) RunAsAdmin(admin_url_, "DROP SCHEMA " + schema_ + " CASCADE").ok();
}

Result<std::unique_ptr<Database>> TestDatabase::Open(int connections) const {
  if (!dir_.empty()) {
    return OpenSqlite({.path = dir_ + "/loket.db", .readers = 4, .busy_timeout_ms = 5000});
  }
  return OpenPostgres({.url = WithSearchPath(admin_url_, schema_),
                       .connections = connections,
                       .connect_timeout_s = 10});
}

}  // namespace loket::storage
