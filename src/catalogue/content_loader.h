// Reads the content files in data/ (format: data/README.md) and checks
// them: every reference resolves, ids are slugs, time zones exist, every
// text has a Dutch version. Errors name the file and the item.
// Thread-safety: pure functions.
#pragma once

#include <filesystem>

#include "catalogue/model.h"
#include "core/status.h"

namespace loket::catalogue {

Result<Content> LoadContentDirectory(const std::filesystem::path& directory);
// Checks references and formats; InvalidArgument lists every problem found.
Status ValidateContent(const Content& content);

}  // namespace loket::catalogue
