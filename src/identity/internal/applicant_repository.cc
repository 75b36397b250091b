#include <array>

#include "identity/applicant_accounts.h"

namespace loket::identity {
namespace {

using storage::Row;

// Ids are never reused (AUTOINCREMENT in SQLite): the audit log and
// sessions name applicants by id.
constexpr const char* kTablesSqlite = R"sql(
CREATE TABLE applicant_accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  verified INTEGER NOT NULL DEFAULT 0,
  lang TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE applicant_links (
  token_hash TEXT PRIMARY KEY,
  applicant_id BIGINT NOT NULL REFERENCES applicant_accounts (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'login')),
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  password_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX applicant_links_applicant ON applicant_links (applicant_id, purpose);
CREATE INDEX applicant_links_expires ON applicant_links (expires_at);
)sql";

constexpr const char* kTablesPostgres = R"sql(
CREATE TABLE applicant_accounts (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  verified INTEGER NOT NULL DEFAULT 0,
  lang TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE applicant_links (
  token_hash TEXT PRIMARY KEY,
  applicant_id BIGINT NOT NULL REFERENCES applicant_accounts (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'login')),
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  password_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX applicant_links_applicant ON applicant_links (applicant_id, purpose);
CREATE INDEX applicant_links_expires ON applicant_links (expires_at);
)sql";

constexpr std::array<storage::Migration, 1> kMigrations = {{
    {"applicants", 1, "visa applicant accounts and their e-mail links", kTablesSqlite,
     kTablesPostgres},
}};

constexpr const char* kSelectAccount =
    "SELECT id, email, verified, created_at, lang, password_hash FROM applicant_accounts";

StoredApplicant ReadAccount(const Row& r) {
  StoredApplicant s;
  s.applicant.id = r.Int(0);
  s.applicant.email = r.Text(1);
  s.applicant.verified = r.Int(2) != 0;
  s.applicant.created_at = r.Text(3);
  s.applicant.lang = r.Text(4);
  s.password_hash = r.Text(5);
  return s;
}

std::string PurposeName(ApplicantLinkPurpose purpose) {
  return purpose == ApplicantLinkPurpose::kVerify ? "verify" : "login";
}

class SqlApplicantRepository final : public ApplicantRepository {
 public:
  explicit SqlApplicantRepository(storage::Database& db) : db_(db) {}

  Result<int64_t> Insert(const Applicant& a) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(
        auto rows, tx->Query("INSERT INTO applicant_accounts (email, verified, lang, created_at)"
                             " VALUES ($1, $2, $3, $4) RETURNING id",
                             {a.email, int64_t{a.verified ? 1 : 0}, a.lang, a.created_at}));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    if (rows.empty()) return Internal("INSERT … RETURNING gave no row");
    return rows[0].Int(0);
  }

  Result<std::optional<StoredApplicant>> FindByEmail(const std::string& email) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query(std::string(kSelectAccount) + " WHERE email = $1", {email}));
    if (rows.empty()) return std::optional<StoredApplicant>();
    return std::optional<StoredApplicant>(ReadAccount(rows[0]));
  }

  Result<bool> InsertLink(const ApplicantLink& link) override {
    // One statement checks the account's state and stores the link, so no
    // verification in between can slip past the check.
    const int64_t verified = link.purpose == ApplicantLinkPurpose::kLogin ? 1 : 0;
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(
        int64_t inserted,
        tx->Execute("INSERT INTO applicant_links"
                    " (token_hash, applicant_id, purpose, expires_at, password_hash)"
                    " SELECT $1, id, $2, $3, $4 FROM applicant_accounts"
                    " WHERE id = $5 AND verified = $6",
                    {link.token_hash, PurposeName(link.purpose), link.expires_at,
                     link.password_hash, link.applicant_id, verified}));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return inserted == 1;
  }

  Status DeleteLink(const std::string& token_hash) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_RETURN_IF_ERROR(
        tx->Execute("DELETE FROM applicant_links WHERE token_hash = $1", {token_hash}).status());
    return tx->Commit();
  }

  Result<std::vector<std::string>> PendingPasswordHashes(int64_t applicant_id, int limit) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(
        auto rows,
        tx->Query("SELECT l.password_hash FROM applicant_links l"
                  " JOIN applicant_accounts a ON a.id = l.applicant_id"
                  " WHERE l.applicant_id = $1 AND l.purpose = 'verify' AND l.used_at IS NULL"
                  " AND a.verified = 0"
                  " ORDER BY l.expires_at DESC LIMIT $2",
                  {applicant_id, int64_t{limit}}));
    std::vector<std::string> hashes;
    hashes.reserve(rows.size());
    for (const Row& r : rows) hashes.push_back(r.Text(0));
    return hashes;
  }

  Result<ApplicantRedemption> Redeem(const std::string& token_hash, ApplicantLinkPurpose purpose,
                                     int64_t now) override {
    const std::string purpose_name = PurposeName(purpose);
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    // The conditional update is what makes a link work once: of two
    // redemptions at the same moment, the second finds it used.
    LOKET_ASSIGN_OR_RETURN(
        auto used,
        tx->Query("UPDATE applicant_links SET used_at = $3"
                  " WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3"
                  " RETURNING applicant_id, password_hash",
                  {token_hash, purpose_name, now}));
    ApplicantRedemption redemption;
    if (used.empty()) {
      LOKET_ASSIGN_OR_RETURN(
          auto rows,
          tx->Query("SELECT used_at FROM applicant_links WHERE token_hash = $1 AND purpose = $2",
                    {token_hash, purpose_name}));
      redemption.state = rows.empty()         ? ApplicantLinkState::kUnknown
                         : !rows[0].IsNull(0) ? ApplicantLinkState::kUsed
                                              : ApplicantLinkState::kExpired;
      return redemption;
    }
    const int64_t id = used[0].Int(0);
    if (purpose == ApplicantLinkPurpose::kVerify) {
      // A verified account keeps its password: a late verification link
      // must not replace it.
      LOKET_RETURN_IF_ERROR(tx->Execute("UPDATE applicant_accounts SET verified = 1,"
                                        " password_hash = $2 WHERE id = $1 AND verified = 0",
                                        {id, used[0].Text(1)})
                                .status());
      LOKET_RETURN_IF_ERROR(tx->Execute("DELETE FROM applicant_links WHERE applicant_id = $1"
                                        " AND purpose = 'verify' AND used_at IS NULL",
                                        {id})
                                .status());
    } else {
      LOKET_RETURN_IF_ERROR(
          tx->Execute("UPDATE applicant_accounts SET verified = 1 WHERE id = $1", {id}).status());
    }
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query(std::string(kSelectAccount) + " WHERE id = $1", {id}));
    if (rows.empty()) return Internal("a link's account is missing");
    LOKET_RETURN_IF_ERROR(tx->Commit());
    redemption.state = ApplicantLinkState::kRedeemed;
    redemption.applicant = ReadAccount(rows[0]).applicant;
    return redemption;
  }

  Result<int64_t> DeleteLinksExpiredBefore(int64_t before) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_ASSIGN_OR_RETURN(
        int64_t deleted,
        tx->Execute("DELETE FROM applicant_links WHERE expires_at < $1", {before}));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return deleted;
  }

 private:
  storage::Database& db_;
};

}  // namespace

std::unique_ptr<ApplicantRepository> NewSqlApplicantRepository(storage::Database& db) {
  return std::make_unique<SqlApplicantRepository>(db);
}

std::span<const storage::Migration> ApplicantMigrations() { return kMigrations; }

}  // namespace loket::identity
