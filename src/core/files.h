// Reading whole files. Thread-safety: pure functions.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace loket {

// The file's bytes; NotFound when it cannot be read.
Result<std::string> ReadFile(const std::filesystem::path& path);

}  // namespace loket
