// Passwords of staff and visa applicants: the rules a new password must
// meet, and argon2id hashing (libsodium, interactive limits). Checking a
// password for an account that does not exist goes through the same work
// (CheckAgainstNothing), so that the time of an answer does not tell
// whether an account exists.
// Thread-safety: thread-safe functions.
#pragma once

#include <string>

#include "core/status.h"

namespace loket::identity {

// 12 to 128 characters (counted in bytes), and not the e-mail address.
Status CheckPasswordRules(const std::string& password, const std::string& email);
// An argon2id hash in libsodium's string format.
Result<std::string> HashPassword(const std::string& password);
bool PasswordMatches(const std::string& hash, const std::string& password);
// As long as PasswordMatches, and always false.
bool CheckAgainstNothing(const std::string& password);

}  // namespace loket::identity
