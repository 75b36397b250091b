// Opening hours of a post in its own time zone: the weekly table and
// whether it is open at a given moment.
// Thread-safety: pure functions (the tz database is read-only once loaded).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "catalogue/model.h"

namespace loket::frontoffice {

struct LocalStatus {
  bool known = false;        // false when the time zone is unknown
  std::string local_time;    // "14:05"
  int weekday = 0;           // 0 = Monday … 6 = Sunday
  bool open = false;
};

// True when `day` (0 = Monday) lies in a range like "mon-fri" or "sun-thu".
bool DayInRange(const std::string& range, int day);
LocalStatus StatusAt(const catalogue::Post& post, std::chrono::system_clock::time_point now);

}  // namespace loket::frontoffice
