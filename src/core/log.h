// Structured, line-oriented logging to stderr (one JSON object a line).
// Thread-safety: Log() may be called from any thread; lines never interleave.
#pragma once

#include <string_view>

namespace loket {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

void SetLogLevel(LogLevel level);
void Log(LogLevel level, std::string_view event, std::string_view detail = {});

}  // namespace loket
