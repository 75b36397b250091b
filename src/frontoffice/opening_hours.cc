#include "frontoffice/opening_hours.h"

#include <date/tz.h>

#include <array>
#include <cstdio>

#include "core/strings.h"

namespace loket::frontoffice {
namespace {
constexpr std::array<const char*, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int DayIndex(const std::string& d) {
  for (int i = 0; i < 7; ++i) {
    if (d == kDays[i]) return i;
  }
  return -1;
}
}  // namespace

bool DayInRange(const std::string& range, int day) {
  auto parts = Split(range, '-');
  int from = DayIndex(parts[0]);
  int to = parts.size() > 1 ? DayIndex(parts[1]) : from;
  if (from < 0 || to < 0) return false;
  if (from <= to) return day >= from && day <= to;
  return day >= from || day <= to;  // wraps around the week, e.g. sun-thu
}

LocalStatus StatusAt(const catalogue::Post& post, std::chrono::system_clock::time_point now) {
  LocalStatus status;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(post.timezone);
  } catch (const std::exception&) {
    return status;
  }
  auto local = zone->to_local(std::chrono::floor<std::chrono::minutes>(now));
  auto day = date::floor<date::days>(local);
  auto tod = date::make_time(std::chrono::duration_cast<std::chrono::minutes>(local - day));
  status.known = true;
  status.weekday = static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(tod.hours().count()),
                static_cast<int>(tod.minutes().count()));
  status.local_time = buf;
  for (const catalogue::OpeningHours& h : post.hours) {
    if (DayInRange(h.days, status.weekday) && status.local_time >= h.open &&
        status.local_time < h.close) {
      status.open = true;
    }
  }
  return status;
}

}  // namespace loket::frontoffice
