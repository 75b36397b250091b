// Turns the catalogue and the knowledge base into search documents, one per
// item and language.
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "catalogue/catalogue.h"
#include "knowledge/knowledge_base.h"
#include "search/search_index.h"

namespace loket::frontoffice {

// The document types a search may be restricted to.
inline constexpr std::array<std::string_view, 5> kSearchTypes = {"service", "life-event", "country",
                                                                 "post", "knowledge"};
bool IsSearchType(std::string_view type);

// `today` (YYYY-MM-DD) decides which knowledge articles are still valid.
std::vector<search::Document> BuildSearchDocuments(const catalogue::Snapshot& catalogue,
                                                   const knowledge::Snapshot& knowledge,
                                                   std::string_view today);

}  // namespace loket::frontoffice
