// Time as the program stores it: whole seconds since the Unix epoch (UTC);
// and the clock that services are given, so that tests can set the time.
// Thread-safety: pure functions; a Clock is called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace loket {

// The current time; injected into every service that reads it.
using Clock = std::function<std::chrono::system_clock::time_point()>;

inline int64_t UnixSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace loket
