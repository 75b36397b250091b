// Sessions: who a browser is, for how long.
//
// A session is found by an opaque random token (32 bytes from libsodium)
// that only the browser holds; the database keeps its BLAKE2b hash, so a
// copy of the database lets no one take over a session. Every login
// replaces the session and its token (no session fixation), and logging
// out deletes it server-side. A session ends after a period without
// requests (idle) and at a fixed time after it began (absolute), with
// limits per realm: staff sessions are shorter than public ones.
// A session also holds a CSRF token for its forms and, between the steps
// of a login, what the next step must check (`pending`).
// Thread-safety: all methods are thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/secrets.h"
#include "core/status.h"
#include "identity/principal.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace loket::identity {

enum class Realm { kPublic, kStaff };

struct SessionLimits {
  std::chrono::seconds idle;
  std::chrono::seconds absolute;
};

struct Session {
  Realm realm = Realm::kPublic;
  Principal principal;
  std::string csrf_token;
  std::string pending;  // JSON of an unfinished login step, or empty
  std::chrono::system_clock::time_point created_at, last_seen_at;
};

// A session as stored: `token_hash` in place of the token.
struct StoredSession {
  std::string token_hash;
  Session session;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Insert(const StoredSession& session) = 0;
  virtual Result<std::optional<StoredSession>> Find(const std::string& token_hash) = 0;
  virtual Status Touch(const std::string& token_hash, std::chrono::system_clock::time_point at) = 0;
  virtual Status SetPending(const std::string& token_hash, const std::string& pending) = 0;
  virtual Status Delete(const std::string& token_hash) = 0;
  // Deletes sessions last seen before `idle_before` or created before
  // `created_before`, for one realm; returns how many.
  virtual Result<size_t> DeleteExpired(Realm realm,
                                       std::chrono::system_clock::time_point idle_before,
                                       std::chrono::system_clock::time_point created_before) = 0;
};

std::unique_ptr<SessionRepository> NewSqlSessionRepository(storage::Database& db);

class SessionStore {
 public:
  // Staff: 15 minutes idle, 12 hours in all.
  static constexpr SessionLimits kStaffLimits{std::chrono::minutes(15), std::chrono::hours(12)};
  // Citizens and applicants: 30 minutes idle (long forms), 12 hours in all.
  static constexpr SessionLimits kPublicLimits{std::chrono::minutes(30), std::chrono::hours(12)};

  SessionStore(SessionRepository& repository, Clock clock,
               SessionLimits public_limits = kPublicLimits,
               SessionLimits staff_limits = kStaffLimits);

  struct Issued {
    std::string token;  // for the cookie; not stored anywhere
    Session session;
  };

  // A new session with fresh token and CSRF token.
  Result<Issued> Start(Realm realm, Principal principal, std::string pending = {});
  // The live session of `token` in `realm`, if any; an expired one is
  // deleted. Records the request for the idle timeout.
  Result<std::optional<Session>> Resume(Realm realm, std::string_view token);
  // Ends the session of `old_token` (if any) and starts a new one: used at
  // every step of a login, so that a token known before login is worthless
  // after it.
  Result<Issued> Replace(Realm realm, std::string_view old_token, Principal principal,
                         std::string pending = {});
  Status SetPending(std::string_view token, const std::string& pending);
  Status End(std::string_view token);
  // Deletes every expired session; returns how many.
  Result<size_t> Purge();

  const SessionLimits& LimitsFor(Realm realm) const {
    return realm == Realm::kStaff ? staff_ : public_;
  }

 private:
  SessionRepository& repository_;
  Clock clock_;
  SessionLimits public_, staff_;
};

// The hash under which a token is stored (BLAKE2b-256, hex).
std::string TokenHash(std::string_view token);

// Failed logins, counted per account and per address over a window; past
// a limit, further attempts are refused until the window has passed, even
// with the right password (so that guessing gains nothing).
struct ThrottleLimits {
  int per_account = 5;
  int per_address = 20;
  std::chrono::minutes window{15};
};

class ThrottleRepository {
 public:
  virtual ~ThrottleRepository() = default;
  virtual Status AddFailure(const std::string& key, std::chrono::system_clock::time_point at) = 0;
  virtual Result<int64_t> CountSince(const std::string& key,
                                     std::chrono::system_clock::time_point since) = 0;
  virtual Status Clear(const std::string& key) = 0;
  virtual Status DeleteBefore(std::chrono::system_clock::time_point before) = 0;
};

std::unique_ptr<ThrottleRepository> NewSqlThrottleRepository(storage::Database& db);

class LoginThrottle {
 public:
  LoginThrottle(ThrottleRepository& repository, Clock clock, ThrottleLimits limits = {});

  // ResourceExhausted when the account or the address is over its limit.
  Status Check(std::string_view account, std::string_view address);
  Status RecordFailure(std::string_view account, std::string_view address);
  // After a successful login: the account's count starts again.
  Status RecordSuccess(std::string_view account);

 private:
  ThrottleRepository& repository_;
  Clock clock_;
  ThrottleLimits limits_;
};

std::span<const storage::Migration> SessionMigrations();

}  // namespace loket::identity
