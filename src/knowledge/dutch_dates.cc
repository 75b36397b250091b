#include "knowledge/dutch_dates.h"

#include <array>
#include <cctype>

namespace loket::knowledge {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};

std::string MonthNumber(std::string_view name) {
  std::string month(name);
  for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (month == kMonths[i]) return (i < 9 ? "0" : "") + std::to_string(i + 1);
  }
  return "01";
}

}  // namespace

const std::string& MonthNamesGroup() {
  static const std::string group = [] {
    std::string g = "(";
    for (std::string_view m : kMonths) g += std::string(m) + "|";
    g.back() = ')';
    return g;
  }();
  return group;
}

const std::string& DatePhrase() {
  static const std::string phrase = "([0-9]{1,2})\\s+" + MonthNamesGroup() + "\\s+([0-9]{4})";
  return phrase;
}

std::string IsoDate(const std::string& day, std::string_view month, const std::string& year) {
  const int d = std::stoi(day);
  return year + "-" + MonthNumber(month) + "-" + (d < 10 ? "0" : "") + std::to_string(d);
}

}  // namespace loket::knowledge
