// Secrets: random tokens for sessions, links and protocol values, and
// comparing secrets without leaking through timing (libsodium).
// Thread-safety: thread-safe functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace loket {

// `bytes` random bytes from the system's generator, base64url without
// padding (32 bytes give 43 characters).
std::string RandomToken(size_t bytes = 32);
// Whether two secrets are equal, in time that depends on neither (both are
// hashed first, so not even the lengths leak).
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace loket
