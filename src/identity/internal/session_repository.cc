#include <array>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "identity/sessions.h"

namespace loket::identity {
namespace {

using nlohmann::json;
using std::chrono::system_clock;
using storage::Row;

// Times are whole seconds since the epoch: the limits are compared in SQL.
constexpr const char* kSessions = R"sql(
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  realm TEXT NOT NULL,
  principal TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  pending TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX session_last_seen ON session (realm, last_seen_at);
CREATE TABLE login_failure (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failure_key ON login_failure (key, at);
CREATE INDEX login_failure_at ON login_failure (at);
)sql";

constexpr std::array<storage::Migration, 1> kMigrations = {{
    {"sessions", 1, "sessions and failed logins", kSessions, kSessions},
}};

system_clock::time_point FromSeconds(int64_t s) {
  return system_clock::time_point(std::chrono::seconds(s));
}

std::string RealmName(Realm realm) { return realm == Realm::kStaff ? "staff" : "public"; }

json PrincipalJson(const Principal& p) {
  json roles = json::array();
  for (Role r : p.roles) roles.push_back(std::string(RoleName(r)));
  return {{"kind", std::string(PrincipalKindName(p.kind))},
          {"subject", p.subject},
          {"name", p.name},
          {"bsn", p.bsn},
          {"email", p.email},
          {"roles", roles},
          {"post", p.post}};
}

Principal ReadPrincipal(const std::string& text) {
  Principal p;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return p;
  std::string kind = j.value("kind", "");
  for (PrincipalKind k :
       {PrincipalKind::kCitizen, PrincipalKind::kApplicant, PrincipalKind::kStaff}) {
    if (kind == PrincipalKindName(k)) p.kind = k;
  }
  p.subject = j.value("subject", "");
  p.name = j.value("name", "");
  p.bsn = j.value("bsn", "");
  p.email = j.value("email", "");
  p.post = j.value("post", "");
  if (j.contains("roles") && j["roles"].is_array()) {
    for (const auto& r : j["roles"]) {
      if (!r.is_string()) continue;
      if (auto role = ParseRole(r.get<std::string>())) p.roles.push_back(*role);
    }
  }
  return p;
}

class SqlSessionRepository final : public SessionRepository {
 public:
  explicit SqlSessionRepository(storage::Database& db) : db_(db) {}

  Status Insert(const StoredSession& s) override {
    const Session& x = s.session;
    return Write(
        "INSERT INTO session (token_hash, realm, principal, csrf_token, pending, created_at,"
        " last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {s.token_hash, RealmName(x.realm), PrincipalJson(x.principal).dump(), x.csrf_token,
         x.pending, UnixSeconds(x.created_at), UnixSeconds(x.last_seen_at)});
  }

  Result<std::optional<StoredSession>> Find(const std::string& token_hash) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query("SELECT realm, principal, csrf_token, pending, created_at,"
                                     " last_seen_at FROM session WHERE token_hash = $1",
                                     {token_hash}));
    if (rows.empty()) return std::optional<StoredSession>();
    const Row& r = rows[0];
    StoredSession s;
    s.token_hash = token_hash;
    s.session.realm = r.Text(0) == "staff" ? Realm::kStaff : Realm::kPublic;
    s.session.principal = ReadPrincipal(r.Text(1));
    s.session.csrf_token = r.Text(2);
    s.session.pending = r.Text(3);
    s.session.created_at = FromSeconds(r.Int(4));
    s.session.last_seen_at = FromSeconds(r.Int(5));
    return std::optional<StoredSession>(std::move(s));
  }

  Status Touch(const std::string& token_hash, system_clock::time_point at) override {
    return Write("UPDATE session SET last_seen_at = $1 WHERE token_hash = $2",
                 {UnixSeconds(at), token_hash});
  }

  Status SetPending(const std::string& token_hash, const std::string& pending) override {
    return Write("UPDATE session SET pending = $1 WHERE token_hash = $2", {pending, token_hash});
  }

  Status Delete(const std::string& token_hash) override {
    return Write("DELETE FROM session WHERE token_hash = $1", {token_hash});
  }

  Result<size_t> DeleteExpired(Realm realm, system_clock::time_point idle_before,
                               system_clock::time_point created_before) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(
        int64_t n,
        tx->Execute("DELETE FROM session WHERE realm = $1 AND (last_seen_at <= $2"
                    " OR created_at <= $3)",
                    {RealmName(realm), UnixSeconds(idle_before), UnixSeconds(created_before)}));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return static_cast<size_t>(n);
  }

 private:
  Status Write(std::string_view sql, const storage::Params& params) {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_RETURN_IF_ERROR(tx->Execute(sql, params).status());
    return tx->Commit();
  }

  storage::Database& db_;
};

class SqlThrottleRepository final : public ThrottleRepository {
 public:
  explicit SqlThrottleRepository(storage::Database& db) : db_(db) {}

  Status AddFailure(const std::string& key, system_clock::time_point at) override {
    return Write("INSERT INTO login_failure (key, at) VALUES ($1, $2)", {key, UnixSeconds(at)});
  }

  Result<int64_t> CountSince(const std::string& key, system_clock::time_point since) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(
        auto rows, tx->Query("SELECT COUNT(*) FROM login_failure WHERE key = $1 AND at > $2",
                             {key, UnixSeconds(since)}));
    return rows.empty() ? 0 : rows[0].Int(0);
  }

  Status Clear(const std::string& key) override {
    return Write("DELETE FROM login_failure WHERE key = $1", {key});
  }

  Status DeleteBefore(system_clock::time_point before) override {
    return Write("DELETE FROM login_failure WHERE at <= $1", {UnixSeconds(before)});
  }

 private:
  Status Write(std::string_view sql, const storage::Params& params) {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_RETURN_IF_ERROR(tx->Execute(sql, params).status());
    return tx->Commit();
  }

  storage::Database& db_;
};

}  // namespace

std::unique_ptr<SessionRepository> NewSqlSessionRepository(storage::Database& db) {
  return std::make_unique<SqlSessionRepository>(db);
}

std::unique_ptr<ThrottleRepository> NewSqlThrottleRepository(storage::Database& db) {
  return std::make_unique<SqlThrottleRepository>(db);
}

std::span<const storage::Migration> SessionMigrations() { return kMigrations; }

}  // namespace loket::identity
