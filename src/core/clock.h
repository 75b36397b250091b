// Time as the program stores it: whole seconds since the Unix epoch (UTC).
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <cstdint>

namespace loket {

inline int64_t UnixSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace loket
