#include "identity/sessions.h"

#include <sodium.h>

#include <array>

namespace loket::identity {

std::string TokenHash(std::string_view token) {
  std::array<unsigned char, 32> hash;
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

SessionStore::SessionStore(SessionRepository& repository, Clock clock, SessionLimits public_limits,
                           SessionLimits staff_limits)
    : repository_(repository),
      clock_(std::move(clock)),
      public_(public_limits),
      staff_(staff_limits) {}

Result<SessionStore::Issued> SessionStore::Start(Realm realm, Principal principal,
                                                 std::string pending) {
  Issued issued;
  issued.token = RandomToken();
  Session& s = issued.session;
  s.realm = realm;
  s.principal = std::move(principal);
  s.csrf_token = RandomToken();
  s.pending = std::move(pending);
  s.created_at = s.last_seen_at = clock_();
  LOKET_RETURN_IF_ERROR(repository_.Insert({TokenHash(issued.token), s}));
  return issued;
}

Result<std::optional<Session>> SessionStore::Resume(Realm realm, std::string_view token) {
  // A token of the wrong shape is not looked up at all.
  if (token.size() != 43) return std::optional<Session>();
  std::string hash = TokenHash(token);
  LOKET_ASSIGN_OR_RETURN(auto stored, repository_.Find(hash));
  if (!stored || stored->session.realm != realm) return std::optional<Session>();
  const SessionLimits& limits = LimitsFor(realm);
  auto now = clock_();
  Session& s = stored->session;
  if (now - s.last_seen_at >= limits.idle || now - s.created_at >= limits.absolute) {
    LOKET_RETURN_IF_ERROR(repository_.Delete(hash));
    return std::optional<Session>();
  }
  // One write per half minute at most: the idle limit does not need more
  // precision than that, and most requests then only read.
  if (now - s.last_seen_at >= std::chrono::seconds(30)) {
    LOKET_RETURN_IF_ERROR(repository_.Touch(hash, now));
    s.last_seen_at = now;
  }
  return std::optional<Session>(std::move(s));
}

Result<SessionStore::Issued> SessionStore::Replace(Realm realm, std::string_view old_token,
                                                   Principal principal, std::string pending) {
  if (!old_token.empty()) LOKET_RETURN_IF_ERROR(End(old_token));
  return Start(realm, std::move(principal), std::move(pending));
}

Status SessionStore::SetPending(std::string_view token, const std::string& pending) {
  return repository_.SetPending(TokenHash(token), pending);
}

Status SessionStore::End(std::string_view token) { return repository_.Delete(TokenHash(token)); }

Result<size_t> SessionStore::Purge() {
  auto now = clock_();
  size_t total = 0;
  for (Realm realm : {Realm::kPublic, Realm::kStaff}) {
    const SessionLimits& l = LimitsFor(realm);
    LOKET_ASSIGN_OR_RETURN(size_t n,
                           repository_.DeleteExpired(realm, now - l.idle, now - l.absolute));
    total += n;
  }
  return total;
}

LoginThrottle::LoginThrottle(ThrottleRepository& repository, Clock clock, ThrottleLimits limits)
    : repository_(repository), clock_(std::move(clock)), limits_(limits) {}

namespace {
std::string AccountKey(std::string_view account) { return "account:" + std::string(account); }
std::string AddressKey(std::string_view address) { return "address:" + std::string(address); }
}  // namespace

Status LoginThrottle::Check(std::string_view account, std::string_view address) {
  auto since = clock_() - limits_.window;
  LOKET_ASSIGN_OR_RETURN(int64_t by_account, repository_.CountSince(AccountKey(account), since));
  LOKET_ASSIGN_OR_RETURN(int64_t by_address, repository_.CountSince(AddressKey(address), since));
  if (by_account >= limits_.per_account || by_address >= limits_.per_address) {
    return ResourceExhausted("too many failed logins; try again later");
  }
  return {};
}

Status LoginThrottle::RecordFailure(std::string_view account, std::string_view address) {
  auto now = clock_();
  LOKET_RETURN_IF_ERROR(repository_.DeleteBefore(now - limits_.window));
  LOKET_RETURN_IF_ERROR(repository_.AddFailure(AccountKey(account), now));
  return repository_.AddFailure(AddressKey(address), now);
}

Status LoginThrottle::RecordSuccess(std::string_view account) {
  return repository_.Clear(AccountKey(account));
}

}  // namespace loket::identity
