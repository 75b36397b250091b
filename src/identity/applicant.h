// Visa applicants: people abroad who apply for a Dutch visa and, having no
// DigiD, sign in with an e-mail address and a password or a login link.
// Thread-safety: value types.
#pragma once

#include <cstdint>
#include <string>

namespace loket::identity {

struct Applicant {
  int64_t id = 0;
  std::string email;  // trimmed, lower case, unique
  // The applicant proved the address by following a link sent to it.
  bool verified = false;
  std::string created_at;  // UTC, ISO 8601
  std::string lang;        // "nl" or "en": the language of the registration
};

}  // namespace loket::identity
