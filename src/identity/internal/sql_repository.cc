#include <array>
#include <nlohmann/json.hpp>

#include "identity/staff_directory.h"

namespace loket::identity {
namespace {

using nlohmann::json;
using storage::Row;

constexpr const char* kStaffSqlite = R"sql(
CREATE TABLE staff (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  post TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  totp_secret TEXT NOT NULL,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
)sql";

constexpr const char* kStaffPostgres = R"sql(
CREATE TABLE staff (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  post TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  totp_secret TEXT NOT NULL,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
)sql";

constexpr std::array<storage::Migration, 1> kMigrations = {{
    {"identity", 1, "staff accounts", kStaffSqlite, kStaffPostgres},
}};

constexpr const char* kSelect =
    "SELECT id, email, name, roles, post, disabled, created_at, password_hash, totp_secret,"
    " totp_last_step FROM staff";

StoredStaff ReadStaff(const Row& r) {
  StoredStaff s;
  s.member.id = r.Int(0);
  s.member.email = r.Text(1);
  s.member.name = r.Text(2);
  json roles = json::parse(r.Text(3), nullptr, false);
  if (roles.is_array()) {
    for (const auto& name : roles) {
      if (!name.is_string()) continue;
      if (auto role = ParseRole(name.get<std::string>())) s.member.roles.push_back(*role);
    }
  }
  s.member.post = r.Text(4);
  s.member.disabled = r.Int(5) != 0;
  s.member.created_at = r.Text(6);
  s.password_hash = r.Text(7);
  s.totp_secret = r.Text(8);
  s.totp_last_step = r.Int(9);
  return s;
}

class SqlStaffRepository final : public StaffRepository {
 public:
  explicit SqlStaffRepository(storage::Database& db) : db_(db) {}

  Result<int64_t> Insert(const StoredStaff& s) override {
    json roles = json::array();
    for (Role role : s.member.roles) roles.push_back(std::string(RoleName(role)));
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(
        auto rows,
        tx->Query("INSERT INTO staff (email, name, roles, post, password_hash, totp_secret,"
                  " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                  {s.member.email, s.member.name, roles.dump(), s.member.post, s.password_hash,
                   s.totp_secret, s.member.created_at}));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    if (rows.empty()) return Internal("INSERT … RETURNING gave no row");
    return rows[0].Int(0);
  }

  Result<std::optional<StoredStaff>> FindByEmail(const std::string& email) override {
    return FindOne(std::string(kSelect) + " WHERE email = $1", {email});
  }

  Result<std::optional<StoredStaff>> FindById(int64_t id) override {
    return FindOne(std::string(kSelect) + " WHERE id = $1", {id});
  }

  Result<bool> UseTotpStep(int64_t id, int64_t step) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(
        int64_t changed,
        tx->Execute("UPDATE staff SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
                    {step, id}));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return changed == 1;
  }

 private:
  Result<std::optional<StoredStaff>> FindOne(const std::string& sql,
                                             const storage::Params& params) {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows, tx->Query(sql, params));
    if (rows.empty()) return std::optional<StoredStaff>();
    return std::optional<StoredStaff>(ReadStaff(rows[0]));
  }

  storage::Database& db_;
};

}  // namespace

std::unique_ptr<StaffRepository> NewSqlStaffRepository(storage::Database& db) {
  return std::make_unique<SqlStaffRepository>(db);
}

std::span<const storage::Migration> IdentityMigrations() { return kMigrations; }

}  // namespace loket::identity
