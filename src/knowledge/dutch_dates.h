// Dates as Dutch official documents print them: "11 december 2025".
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace loket::knowledge {

// A regular expression group of the month names, in lower case:
// "(januari|februari|…|december)".
const std::string& MonthNamesGroup();

// A regular expression for a date written out, its day, month and year
// each a group: "([0-9]{1,2})\\s+(januari|…|december)\\s+([0-9]{4})".
const std::string& DatePhrase();

// "2025-12-11" for day "11", month "december" (any case), year "2025"; the
// month "01" for a name that is none.
std::string IsoDate(const std::string& day, std::string_view month, const std::string& year);

}  // namespace loket::knowledge
