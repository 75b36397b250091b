#include "identity/passwords.h"

#include <sodium.h>

#include <mutex>

#include "core/strings.h"

namespace loket::identity {
namespace {
constexpr size_t kMinPassword = 12;
constexpr size_t kMaxPassword = 128;
}  // namespace

Status CheckPasswordRules(const std::string& password, const std::string& email) {
  if (password.size() < kMinPassword) return InvalidArgument("password: at least 12 characters");
  if (password.size() > kMaxPassword) return InvalidArgument("password: at most 128 characters");
  if (AsciiLower(password) == AsciiLower(email)) {
    return InvalidArgument("password: not the e-mail address");
  }
  return {};
}

Result<std::string> HashPassword(const std::string& password) {
  if (sodium_init() < 0) return Internal("libsodium cannot be initialised");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Unavailable("not enough memory to hash the password");
  }
  return std::string(hash);
}

bool PasswordMatches(const std::string& hash, const std::string& password) {
  if (password.size() > kMaxPassword) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool CheckAgainstNothing(const std::string& password) {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [] {
    auto made = HashPassword("no account has this password");
    if (made.ok()) hash = *made;
  });
  (void)PasswordMatches(hash, password);
  return false;
}

}  // namespace loket::identity
