// E-mail addresses as accounts store them and are found by.
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

#include "core/strings.h"

namespace loket::identity {

// Without the spaces around it and in lower case: "Ana@Example.org " is
// "ana@example.org". People type capitals by accident, and no mail
// provider tells addresses apart by them.
inline std::string NormalisedEmail(std::string_view email) { return AsciiLower(Trim(email)); }

}  // namespace loket::identity
