// Accounts for visa applicants: registration with a password, proof of the
// e-mail address by a link, login with the password or with a one-time
// link sent by e-mail.
//
// No answer reveals whether an address has an account: registering a
// taken address mails its owner instead of failing, asking for a login
// link for an unknown address answers as for a known one, and a failed
// login says the same for an unknown address, a wrong password and an
// unproven address.
//
// A registration's password takes effect only when its link is followed,
// so someone who registers another person's address first cannot set that
// person's password: the owner registers again and uses their own link.
// Links carry 32 random bytes; only their BLAKE2b hash is stored.
//
// Thread-safety: all methods are thread-safe.
// Ownership: borrows the repository and the mailer; both must outlive it.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/lang.h"
#include "core/status.h"
#include "identity/applicant.h"
#include "notify/mailer.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace loket::identity {

enum class ApplicantLinkPurpose { kVerify, kLogin };

// A link as stored.
struct ApplicantLink {
  std::string token_hash;  // hex BLAKE2b-256 of the token in the link
  int64_t applicant_id = 0;
  ApplicantLinkPurpose purpose = ApplicantLinkPurpose::kVerify;
  int64_t expires_at = 0;  // Unix seconds
  // A verification link: the hash of the password chosen with it, which
  // following the link makes the account's. Empty for a login link.
  std::string password_hash;
};

struct StoredApplicant {
  Applicant applicant;
  std::string password_hash;  // empty until the address is verified
};

enum class ApplicantLinkState { kRedeemed, kUnknown, kUsed, kExpired };

struct ApplicantRedemption {
  ApplicantLinkState state = ApplicantLinkState::kUnknown;
  Applicant applicant;  // when kRedeemed, as it is afterwards
};

class ApplicantRepository {
 public:
  virtual ~ApplicantRepository() = default;
  // Stores a new account; returns its id. kAlreadyExists when the e-mail
  // address is taken.
  virtual Result<int64_t> Insert(const Applicant& applicant) = 0;
  virtual Result<std::optional<StoredApplicant>> FindByEmail(const std::string& email) = 0;
  // Stores a link if the account is in the state the link is for:
  // unverified for a verification link, verified for a login link. False
  // when it is not (the state changed since it was read).
  virtual Result<bool> InsertLink(const ApplicantLink& link) = 0;
  virtual Status DeleteLink(const std::string& token_hash) = 0;
  // The password hashes of an unverified account's newest unused
  // verification links, at most `limit`, expired ones included.
  virtual Result<std::vector<std::string>> PendingPasswordHashes(int64_t applicant_id,
                                                                 int limit) = 0;
  // Uses a link of this purpose once, in one transaction: when it is
  // unused and not expired at `now` (Unix seconds), marks it used and the
  // account verified. A verification link also sets the account's password
  // to its own, unless the account was verified already, and voids the
  // account's other verification links.
  virtual Result<ApplicantRedemption> Redeem(const std::string& token_hash,
                                             ApplicantLinkPurpose purpose, int64_t now) = 0;
  // Deletes links that expired before `before` (Unix seconds); returns how
  // many.
  virtual Result<int64_t> DeleteLinksExpiredBefore(int64_t before) = 0;
};

std::unique_ptr<ApplicantRepository> NewSqlApplicantRepository(storage::Database& db);
// The applicant_* tables, for both dialects.
std::span<const storage::Migration> ApplicantMigrations();

struct ApplicantMailSettings {
  // Where the public site is, for the links in e-mails:
  // "https://loket.example.nl" (a trailing '/' is ignored).
  std::string base_url;
};

class ApplicantAccounts {
 public:
  ApplicantAccounts(ApplicantRepository& repository, notify::Mailer& mailer,
                    ApplicantMailSettings settings, Clock clock);

  // Registers `email` with `password` and mails a link to prove the
  // address, valid 24 hours, in `lang`:
  //   {base_url}/visum/account/bevestigen?token=…
  //   {base_url}/en/visa/account/verify?token=…
  // Registering an address that is not verified yet sends a new link with
  // the new password; the older links keep theirs until one is followed.
  // When the address has a verified account, mails its owner that there is
  // one (with the login page) and answers the same. InvalidArgument names
  // the field ("email: …", "password: …"); Unavailable when the e-mail could
  // not be sent: nothing was registered that stands in the way of trying
  // again.
  Status Register(const std::string& email, const std::string& password, Lang lang);

  // Follows a verification link: the address is proven and the password
  // chosen with this link is the account's. A link works once.
  // NotFound for an unknown link, InvalidArgument for one used before or
  // expired (the message says which).
  Result<Applicant> Verify(const std::string& token);

  // The verified account with this address and password. Unauthenticated,
  // with one message, for an unknown address, a wrong password and an
  // unverified account; PermissionDenied, only after the password matched
  // a registration, when the address is not proven yet.
  Result<Applicant> CheckPassword(const std::string& email, const std::string& password);

  // Mails a verified account a login link, valid 15 minutes, in `lang`:
  //   {base_url}/visum/account/inloggen/link?token=…
  //   {base_url}/en/visa/account/login/link?token=…
  // Any other plausible address gets no mail and the same answer.
  // InvalidArgument for something that is not an e-mail address;
  // Unavailable when the e-mail could not be sent.
  Status SendLoginLink(const std::string& email, Lang lang);

  // Follows a login link: the account it was sent to, its address proven.
  // A link works once. Errors as for Verify().
  Result<Applicant> RedeemLoginLink(const std::string& token);

  // Deletes links that expired more than a week ago (until then, using one
  // says "expired" rather than "unknown"); returns how many. For a daily
  // job.
  Result<int64_t> PurgeExpiredLinks();

 private:
  Status SendLink(const StoredApplicant& account, ApplicantLinkPurpose purpose,
                  const std::string& password_hash, Lang lang);
  Status SendAccountExists(const std::string& email, Lang lang);
  Result<Applicant> Redeem(const std::string& token, ApplicantLinkPurpose purpose);

  ApplicantRepository& repository_;
  notify::Mailer& mailer_;
  std::string base_url_;
  Clock clock_;
};

}  // namespace loket::identity
