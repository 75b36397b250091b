// The interface texts of the Test-DigiD pages, in Dutch and English. They
// live here rather than in web/i18n because the provider is a development
// tool, not part of the site.
// Thread-safety: returns immutable data.
#pragma once

#include <nlohmann/json.hpp>

#include "core/lang.h"

namespace loket::devidp::internal {

// An object of texts for the page template (its "t").
const nlohmann::json& PageTexts(Lang lang);

}  // namespace loket::devidp::internal
